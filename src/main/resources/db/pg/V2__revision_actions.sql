-- Editors' corrections (issue 17): who made a revision, and what they did.
ALTER TABLE revisions ADD COLUMN edited_by TEXT;
ALTER TABLE revisions ADD COLUMN action TEXT;
