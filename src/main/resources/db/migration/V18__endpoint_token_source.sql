-- Where an XOAUTH2 endpoint gets renewed access tokens: an OAuth 2.0 token endpoint asked with the
-- client credentials grant (the endpoint's credential is then the client secret). Null for a
-- token given by hand.
ALTER TABLE endpoint ADD COLUMN token_url VARCHAR(2000);
ALTER TABLE endpoint ADD COLUMN token_client_id VARCHAR(200);
ALTER TABLE endpoint ADD COLUMN token_scope VARCHAR(1000);
