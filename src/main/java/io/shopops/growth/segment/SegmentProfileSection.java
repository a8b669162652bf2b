package io.shopops.growth.segment;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shopops.growth.crm.ProfileSection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's RFM scores with the named group ({@code growth/crm/profile/rfm.html})
 * and the saved segments the customer is in now
 * ({@code growth/crm/profile/segments.html}) on the profile page. Scores are those of the
 * last recompute; segments are evaluated now.
 */
@Component
class SegmentProfileSection implements ProfileSection {

	private final RfmScoring rfm;

	private final Segments segments;

	SegmentProfileSection(RfmScoring rfm, Segments segments) {
		this.rfm = rfm;
		this.segments = segments;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> attributes(long customerId, boolean manager) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("rfmScore", this.rfm.of(customerId).orElse(null));
		attributes.put("rfmLastRun", this.rfm.lastRun().orElse(null));
		attributes.put("segmentsSaved", this.segments.list().size());
		attributes.put("segmentsContaining", this.segments.containing(customerId));
		return attributes;
	}

}
