-- What a teacher edits on a badge: criteria narrative and the EU micro-credential elements (Council
-- Recommendation 2022/C 243/02, Annex I). Country and awarding body move to issuer profiles later.
alter table badge_class add column criteria_narrative text;
alter table badge_class add column micro_credential boolean not null default false;
alter table badge_class add column learning_outcomes text;
alter table badge_class add column workload_value double;
alter table badge_class add column workload_unit varchar(8);
alter table badge_class add column eqf_level varchar(8);
alter table badge_class add column assessment_type varchar(255);
alter table badge_class add column participation varchar(32);
alter table badge_class add column quality_assurance varchar(1000);
alter table badge_class add column language varchar(16);
alter table badge_class add column prerequisites varchar(1000);
alter table badge_class add column stackability varchar(32);
alter table badge_class add column expiry_months int;
alter table badge_class add column awarding_body varchar(255);
alter table badge_class add column country varchar(64);
