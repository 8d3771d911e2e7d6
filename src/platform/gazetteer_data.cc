// The gazetteer's TSV (scripts/build-places, built into the build tree), compiled into
// the binary as read-only bytes with the assembler's .incbin, so the binary needs no
// file beside it and the compiler never parses 11 MB of string literal.
// DISEASEMAPS_PLACES_FILE is the absolute path, set by CMakeLists.txt.
#include <string_view>

asm(".section .rodata\n"
    ".balign 16\n"
    ".global diseasemaps_places_begin\n"
    "diseasemaps_places_begin:\n"
    ".incbin \"" DISEASEMAPS_PLACES_FILE "\"\n"
    ".global diseasemaps_places_end\n"
    "diseasemaps_places_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char diseasemaps_places_begin[];
extern "C" const char diseasemaps_places_end[];

namespace diseasemaps {

std::string_view EmbeddedGazetteerText() {
  return {diseasemaps_places_begin,
          static_cast<std::size_t>(diseasemaps_places_end - diseasemaps_places_begin)};
}

}  // namespace diseasemaps
