#ifndef PAPERGRAPH_CLIBXML2_SHIM_H
#define PAPERGRAPH_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes the system
 * <unicode/ucnv.h>. Swift's Foundation ships its own ICU (_FoundationICU) whose
 * UErrorCode differs, and a module seeing both fails to build ("'U_MF_…' is not
 * present in definition of 'enum UErrorCode'"). libxml2's headers only need two
 * opaque types from ICU, so declare them and keep the system ICU headers out. */
#include <stdint.h>
#ifndef UCNV_H
#define UCNV_H
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>

/// Swift 6 cannot touch libxml2's mutable globals; these wrappers expose what we need.
static inline void pg_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, NULL);
}
#endif
