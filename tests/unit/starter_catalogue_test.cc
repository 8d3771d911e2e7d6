// The starter catalogue (content/catalog/starter.tsv) against Orphanet's own data: every
// row's code, name, type and synonyms must be what Orphanet's packet says, so that the
// Orphanet import later upgrades these rows in place rather than beside them. Reads the
// packets from ../shared/data (or $DISEASEMAPS_SHARED_DATA); fails, never skips, when
// they are missing, because CI always has them.
#include "catalog/starter_catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "catalog/import/orphapacket_parser.h"
#include "shared_data.h"

namespace diseasemaps::catalog {
namespace {

constexpr int kMinimumRows = 100;
constexpr int kOpsoclonusMyoclonus = 1183;

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::filesystem::path StarterPath() {
  return std::filesystem::path(DISEASEMAPS_SOURCE_DIR) / "content" / "catalog" / "starter.tsv";
}

// The file as the server's loader reads it; an empty list (with a test failure) when it
// cannot be read or parsed.
std::vector<StarterEntry> StarterRows() {
  const std::string text = test_support::ReadFile(StarterPath());
  EXPECT_FALSE(text.empty()) << "cannot read " << StarterPath();
  auto parsed = ParseStarterCatalogue(text);
  EXPECT_TRUE(parsed.ok()) << StarterPath() << ": " << parsed.status().message();
  return parsed.ok() ? *parsed : std::vector<StarterEntry>{};
}

TEST(StarterCatalogue, HasEnoughRowsWithUniqueCodesAndNames) {
  const auto rows = StarterRows();
  EXPECT_GE(rows.size(), static_cast<std::size_t>(kMinimumRows));
  std::set<int> codes;
  std::set<std::string> names;
  for (const StarterEntry& row : rows) {
    EXPECT_TRUE(codes.insert(row.orphacode).second) << "ORPHA:" << row.orphacode << " appears twice";
    EXPECT_TRUE(names.insert(row.name).second) << "'" << row.name << "' appears twice";
  }
}

TEST(StarterCatalogue, IncludesOpsoclonusMyoclonusSyndrome) {
  const auto rows = StarterRows();
  const auto oms = std::find_if(rows.begin(), rows.end(),
                                [](const StarterEntry& row) { return row.orphacode == kOpsoclonusMyoclonus; });
  ASSERT_NE(oms, rows.end()) << "ORPHA:1183 is missing from " << StarterPath();
  EXPECT_EQ(oms->name, "Opsoclonus-myoclonus syndrome");
  EXPECT_TRUE(Contains(oms->synonyms, "Dancing eye syndrome"));
}

TEST(StarterCatalogue, EveryRowMatchesOrphanetsPacket) {
  const std::filesystem::path packets = test_support::SharedData() / "orphanet" / "orphapackets";
  ASSERT_TRUE(std::filesystem::is_directory(packets))
      << "Orphanet's packets are not at " << packets
      << ". This test needs the shared data: put it at ../shared/data beside the repository"
         " or set DISEASEMAPS_SHARED_DATA to its directory.";
  const auto rows = StarterRows();
  ASSERT_FALSE(rows.empty());
  for (const StarterEntry& row : rows) {
    SCOPED_TRACE("ORPHA:" + std::to_string(row.orphacode) + " " + row.name);
    const std::filesystem::path path = test_support::OrphaPacketPath(row.orphacode);
    if (!std::filesystem::is_regular_file(path)) {
      ADD_FAILURE() << "no Orphanet packet at " << path;
      continue;
    }
    auto packet = ReadOrphaPacket(path);
    if (!packet.ok()) {
      ADD_FAILURE() << path << ": " << packet.status().message();
      continue;
    }
    EXPECT_EQ(packet->orphacode, row.orphacode);
    EXPECT_EQ(packet->label, row.name) << "the name must be Orphanet's Label, exactly";
    EXPECT_EQ(packet->entry_type, row.type) << "the type must be Orphanet's DisorderType";
    for (const std::string& synonym : row.synonyms) {
      EXPECT_TRUE(Contains(packet->synonyms, synonym)) << "'" << synonym << "' is not among Orphanet's synonyms";
    }
  }
}

TEST(StarterCatalogue, BinaryEmbedsTheFileOnDisk) {
  const auto on_disk = StarterRows();
  auto embedded = EmbeddedStarterCatalogue();
  ASSERT_TRUE(embedded.ok()) << embedded.status().message();
  ASSERT_EQ(embedded->size(), on_disk.size()) << "rebuild: the compiled copy is out of date";
  for (std::size_t i = 0; i < on_disk.size(); ++i) {
    EXPECT_EQ((*embedded)[i].orphacode, on_disk[i].orphacode);
    EXPECT_EQ((*embedded)[i].name, on_disk[i].name);
  }
}

}  // namespace
}  // namespace diseasemaps::catalog
