-- Per-migration DNS settings: whether the Autodiscover step may remove records already at
-- autodiscover.<domain> (put back on rollback), and the domain added to SPF as include:
-- (NULL: the target's default; with an IMAP target SPF is then left alone).
ALTER TABLE migration ADD COLUMN autodiscover_overwrite_consent BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE migration ADD COLUMN spf_include VARCHAR(253);
