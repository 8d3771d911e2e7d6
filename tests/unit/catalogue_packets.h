// Every ORPHApacket of the full catalogue in ../shared/data, parsed once per test
// process, for the tests that read all of them (plain words, compiled summaries). Empty
// when the data is missing; packets that fail to parse are left out (the import tests
// cover those).
#pragma once

#include <filesystem>
#include <vector>

#include "catalog/condition.h"
#include "catalog/import/orphapacket_parser.h"
#include "shared_data.h"

namespace diseasemaps::test_support {

inline const std::vector<catalog::OrphaPacket>& AllCataloguePackets() {
  static const std::vector<catalog::OrphaPacket> packets = [] {
    std::vector<catalog::OrphaPacket> all;
    const std::filesystem::path dir = SharedData() / "orphanet" / "orphapackets";
    if (!std::filesystem::is_directory(dir)) return all;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      auto packet = catalog::ReadOrphaPacket(entry.path());
      if (packet.ok()) all.push_back(std::move(*packet));
    }
    return all;
  }();
  return packets;
}

// The packet as the catalogue stores it, for code that reads a Condition (no lay labels,
// no cross-references: the parts the plain words and summaries do not read).
inline catalog::Condition AsCondition(const catalog::OrphaPacket& p) {
  catalog::Condition c;
  c.orphacode = p.orphacode;
  c.name = p.label;
  c.entry_type = p.entry_type;
  c.definition = p.definition;
  c.synonyms = p.synonyms;
  for (const auto& parent : p.parents) c.parents.push_back({parent.orphacode, parent.label, ""});
  for (const auto& ph : p.phenotypes) c.phenotypes.push_back({ph.hpo_id, ph.term, "", ph.frequency});
  for (const auto& pr : p.prevalences) {
    c.prevalences.push_back({pr.type, pr.qualification, pr.prevalence_class, pr.mean_value, pr.geography, pr.source});
  }
  c.onsets = p.onsets;
  c.inheritance = p.inheritance;
  return c;
}

}  // namespace diseasemaps::test_support
