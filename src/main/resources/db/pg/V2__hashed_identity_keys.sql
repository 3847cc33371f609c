-- Identity keys become the SHA-256 of their text in hex (IdentityKeys): a normalised headline
-- can outgrow what was published several times over, past what an index entry holds.
UPDATE story_keys SET key = encode(sha256(convert_to(key, 'UTF8')), 'hex');
