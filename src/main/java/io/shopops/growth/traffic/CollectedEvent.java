package io.shopops.growth.traffic;

import java.time.Instant;

/**
 * One valid traffic event, ready to be stored.
 */
record CollectedEvent(String type, String visitorId, String sessionId, String url, String referrer, String utmSource,
		String utmMedium, String utmCampaign, String utmContent, String contentCode, String sku, Instant at) {
}
