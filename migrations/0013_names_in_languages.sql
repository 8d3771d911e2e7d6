-- The catalogue in several languages: Orphanet's names (from its classification files)
-- and synonyms (from its ICD-11 mapping files) per language, Orphanet's classification
-- trees (the "specialties"), the ICD-11 codes of the mapping, and HPO's translated
-- phenotype labels and synonyms with their review status.
--
-- Everything is keyed by ORPHAcode (or HPO id), not by conditions.id, like
-- condition_parents: the trees name groups and categories, and a partial catalogue (the
-- starter one) lacks most of them, yet a path from a specialty down to a condition needs
-- their names. Rows for codes not in the catalogue are kept; readers join to conditions
-- when they want conditions only. Each import makes these tables equal to its files and
-- leaves unchanged rows untouched (catalog/import/names_writer.cc).

-- lang: ISO 639-1 ("es"). disorder_type: Orphanet's type in that language ("Enfermedad").
CREATE TABLE orphanet_names (
  orphacode INTEGER NOT NULL,
  lang TEXT NOT NULL,
  name TEXT NOT NULL,
  disorder_type TEXT NOT NULL,
  PRIMARY KEY (orphacode, lang)
);
CREATE INDEX orphanet_names_lang ON orphanet_names (lang, orphacode);

CREATE TABLE orphanet_synonyms (
  orphacode INTEGER NOT NULL,
  lang TEXT NOT NULL,
  position INTEGER NOT NULL,
  synonym TEXT NOT NULL,
  PRIMARY KEY (orphacode, lang, position)
);
CREATE INDEX orphanet_synonyms_lang ON orphanet_synonyms (lang, orphacode);

-- ICD-11 codes from Orphanet's mapping; relation in English ("Exact mapping (…)").
CREATE TABLE orphanet_icd11_codes (
  orphacode INTEGER NOT NULL,
  code TEXT NOT NULL,
  relation TEXT NOT NULL,
  PRIMARY KEY (orphacode, code)
);

-- One row per classification (Orphanet's id, e.g. 181 for rare neurological diseases).
-- root_orphacode: its top entry ("Rare neurological disease").
CREATE TABLE orphanet_classifications (
  id INTEGER NOT NULL PRIMARY KEY,
  root_orphacode INTEGER NOT NULL,
  data_version TEXT NOT NULL
);

-- The classification's own title per language ("Orphanet classification of rare
-- neurological diseases"); older files have none and fall back to the root's name.
CREATE TABLE orphanet_classification_titles (
  classification_id INTEGER NOT NULL,
  lang TEXT NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (classification_id, lang)
);

-- Every entry of a tree, once, with how many distinct entries lie below it there.
CREATE TABLE orphanet_classification_nodes (
  classification_id INTEGER NOT NULL,
  orphacode INTEGER NOT NULL,
  descendants INTEGER NOT NULL,
  PRIMARY KEY (classification_id, orphacode)
);
CREATE INDEX orphanet_classification_nodes_code ON orphanet_classification_nodes (orphacode);

-- The tree's edges: an entry may sit under several parents in one tree.
CREATE TABLE orphanet_classification_edges (
  classification_id INTEGER NOT NULL,
  parent_orphacode INTEGER NOT NULL,
  child_orphacode INTEGER NOT NULL,
  PRIMARY KEY (classification_id, parent_orphacode, child_orphacode)
);
CREATE INDEX orphanet_classification_edges_child ON orphanet_classification_edges (child_orphacode);

-- status: 'OFFICIAL' (reviewed by the translators) or 'CANDIDATE' (not yet reviewed,
-- often machine-made); a page showing a CANDIDATE label says so or shows English.
CREATE TABLE hpo_label_translations (
  hpo_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  label TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('OFFICIAL', 'CANDIDATE')),
  PRIMARY KEY (hpo_id, lang)
);

-- layperson: 1 for plain-language synonyms (HPO's synonym type "layperson").
CREATE TABLE hpo_synonym_translations (
  hpo_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  position INTEGER NOT NULL,
  synonym TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('OFFICIAL', 'CANDIDATE')),
  layperson INTEGER NOT NULL,
  PRIMARY KEY (hpo_id, lang, position)
);
