-- Editors' merge and split (issue 17): the item (source and id, as its identity key) a revision came
-- from, so a split takes the item's later revisions along; where a merged story went; the pairs
-- of stories an editor told apart, which the desk never merges.
ALTER TABLE revisions ADD COLUMN item_key TEXT;

CREATE TABLE story_redirects (
  story_id TEXT PRIMARY KEY,
  into_id  TEXT NOT NULL
);

CREATE INDEX story_redirects_by_into ON story_redirects (into_id);

CREATE TABLE stories_apart (
  first_id  TEXT NOT NULL,
  second_id TEXT NOT NULL,
  PRIMARY KEY (first_id, second_id)
);
