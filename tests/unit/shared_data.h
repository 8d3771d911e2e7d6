// SharedData: where the downloaded data sets (Orphanet, MONDO, HPO) are for tests:
// $DISEASEMAPS_SHARED_DATA when set, else ../shared/data beside the repository (the
// path CMake compiled in). The repository ships none of them.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace diseasemaps::test_support {

inline std::filesystem::path SharedData() {
  const char* from_environment = std::getenv("DISEASEMAPS_SHARED_DATA");
  return from_environment != nullptr ? from_environment : DISEASEMAPS_SHARED_DATA;
}

inline std::filesystem::path OrphaPacketPath(int orphacode) {
  return SharedData() / "orphanet" / "orphapackets" /
         ("ORPHApacket_" + std::to_string(orphacode) + ".json");
}

// The whole file, or "" when it cannot be read.
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace diseasemaps::test_support
