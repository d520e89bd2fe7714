#ifndef PAPERGRAPH_CLIBXML2_SHIM_H
#define PAPERGRAPH_CLIBXML2_SHIM_H
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
