// What Orphanet's XML files share, for their parsers: ORPHAcodes, names with their
// language, and errors that say the line. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "platform/status.h"
#include "platform/xml.h"

namespace diseasemaps::catalog {

// "cz" (as some Czech files write it) -> "cs"; other codes as they are, in lower case.
std::string NormaliseLanguage(std::string_view code);

// The ORPHAcode of a Disorder element: its OrphaCode child, or OrphaNumber in older
// files. InvalidArgument "line N: …" when missing or not a positive number.
Result<int> OrphacodeOf(const XmlElement& disorder);

// InvalidArgument "line N: what", N being the element's line.
Status ErrorAt(const XmlElement& element, const std::string& what);

}  // namespace diseasemaps::catalog
