#ifndef PAPERGRAPH_CGRAPHVIZ_SHIM_H
#define PAPERGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// `Agdirected` is a mutable C global, which Swift 6 strict concurrency refuses;
/// returning it from an inline function makes the read explicit and safe.
static inline Agdesc_t pg_agdirected(void) { return Agdirected; }
static inline Agdesc_t pg_agstrictdirected(void) { return Agstrictdirected; }

/// Graphviz 2.42 does not always find its plugins when loaded from a non-standard
/// process; loading the built-in symbol table avoids "Layout type: dot not recognized".
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
#endif
