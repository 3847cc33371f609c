-- Editors' corrections (issue 17): who made a revision and what they did; when a breaking flag ends.
ALTER TABLE revisions ADD COLUMN edited_by TEXT;
ALTER TABLE revisions ADD COLUMN action TEXT;
ALTER TABLE stories ADD COLUMN breaking_until TIMESTAMPTZ;
