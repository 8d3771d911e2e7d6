-- A member's interface language (issue: the interface in the visitor's language): the
-- language of the e-mails they receive, and the one the site offers them. Set from the
-- address they registered on ("/es/register": 'es'), changed on their profile page.
-- Codes are those of platform/i18n.h; the application refuses any other, so adding a
-- language needs no migration.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
