-- 100 conditions for the benchmarks (20 names x 5 forms), in SQL that SQLite and
-- PostgreSQL both run. Run on a migrated database: sqlite3 FILE < bench/seed-conditions.sql
BEGIN;
WITH base(b, name) AS (
  VALUES (1, 'Opsoclonus-myoclonus syndrome'), (2, 'Behçet disease'), (3, 'Dravet syndrome'),
         (4, 'Fabry disease'), (5, 'Marfan syndrome'), (6, 'Cystic fibrosis'),
         (7, 'Duchenne muscular dystrophy'), (8, 'Huntington disease'),
         (9, 'Spinal muscular atrophy'), (10, 'Ehlers-Danlos syndrome'),
         (11, 'Pompe disease'), (12, 'Gaucher disease'), (13, 'Rett syndrome'),
         (14, 'Prader-Willi syndrome'), (15, 'Neurofibromatosis'),
         (16, 'Tuberous sclerosis complex'), (17, 'Wilson disease'),
         (18, 'Niemann-Pick disease'), (19, 'Alport syndrome'),
         (20, 'Familial Mediterranean fever')),
variant(v, suffix) AS (
  VALUES (0, ''), (1, ' type 1'), (2, ' type 2'), (3, ' type 3'), (4, ', adult-onset form'))
INSERT INTO conditions (orphacode, slug, name, sort_name, entry_type, created_at, updated_at)
SELECT 900000 + b * 10 + v,
       'bench-condition-' || (b * 10 + v),
       name || suffix,
       lower(name || suffix),
       'Disease',
       1767225600,
       1767225600
FROM base CROSS JOIN variant;
COMMIT;
