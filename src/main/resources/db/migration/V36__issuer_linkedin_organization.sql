-- The issuer's LinkedIn organisation id (numeric, from its LinkedIn company page): "Add to profile" names the issuer
-- by it when set, else by the issuer's name.
alter table issuer_profile add column linkedin_organization_id varchar(32);
