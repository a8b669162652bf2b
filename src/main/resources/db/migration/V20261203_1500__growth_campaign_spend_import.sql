-- Ad report imports (万相台, 巨量千川, Google Ads, ShopOps' template). A campaign may carry the ad
-- platform's own id (万相台 场景ID/计划ID, Google Ads Campaign ID), so that a report finds it by id
-- before its name; and a campaign-day imported from the template has a source of its own.
ALTER TABLE campaign ADD COLUMN external_id VARCHAR(64);
CREATE UNIQUE INDEX campaign_external_id_uk ON campaign (platform, external_id) WHERE external_id IS NOT NULL;

ALTER TABLE campaign_spend DROP CONSTRAINT campaign_spend_source_check;
ALTER TABLE campaign_spend ADD CONSTRAINT campaign_spend_source_check
    CHECK (source IN ('MANUAL', 'WANXIANGTAI', 'QIANCHUAN', 'GOOGLE_ADS', 'FILE'));
