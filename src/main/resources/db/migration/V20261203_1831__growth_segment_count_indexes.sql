-- Segment counts that combine criteria (issue 11: every count ≤ 300 ms at 1M customers):
-- the customer-side criteria that come together most (tier with net spend; first channel
-- with the last order) in one index each, carrying the id, so that such a count is an
-- index-only scan joined to the tag, SKU and RFM indexes instead of a heap scan. They
-- replace the single-column tier and channel indexes, which they cover.
CREATE INDEX customer_segment_tier_spend_idx ON customer (tier_code, net_spend, id) WHERE merged_into IS NULL;
CREATE INDEX customer_segment_channel_last_idx ON customer (first_channel, last_order_at, id)
    WHERE merged_into IS NULL;
DROP INDEX customer_segment_tier_idx;
DROP INDEX customer_segment_channel_idx;

-- RFM score ranges (R 1–2 and M 4–5, …) read this index instead of the whole score table.
CREATE INDEX customer_rfm_scores_idx ON customer_rfm (r_score, m_score, f_score, customer_id);
