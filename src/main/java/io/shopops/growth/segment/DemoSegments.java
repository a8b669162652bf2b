package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's segments (profile {@code demo}, after the demo CRM): scores
 * everyone by RFM and saves a few segments a shop would use — two RFM groups, big
 * spenders and gold members — through the same services as the pages. Run again, it only
 * recomputes the scores.
 */
@Component
@Profile("demo")
@Order(62)
class DemoSegments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSegments.class);

	private final RfmScoring rfm;

	private final SegmentBook book;

	private final SegmentQuery query;

	DemoSegments(RfmScoring rfm, SegmentBook book, SegmentQuery query) {
		this.rfm = rfm;
		this.book = book;
		this.query = query;
	}

	static Map<String, SegmentFilter> presets() {
		Map<String, SegmentFilter> presets = new LinkedHashMap<>();
		presets.put("重要价值客户", rfm(RfmGroup.IMPORTANT_VALUE));
		presets.put("重要挽留：高消费久未回购", rfm(RfmGroup.IMPORTANT_WINBACK));
		presets.put("高消费（净消费 ≥ 1000）", new SegmentFilter(null, List.of(), null, null, null, null, null, null, null,
				null, null, new BigDecimal("1000"), null, null, null));
		presets.put("金卡会员", new SegmentFilter("GOLD", List.of(), null, null, null, null, null, null, null, null, null,
				null, null, null, null));
		return presets;
	}

	@Override
	public void run(ApplicationArguments args) {
		RfmScoring.Run run = this.rfm.recompute("demo");
		Set<String> existing = this.book.list().stream().map(SegmentBook.Saved::name).collect(Collectors.toSet());
		int created = 0;
		for (Map.Entry<String, SegmentFilter> preset : presets().entrySet()) {
			if (!existing.contains(preset.getKey())) {
				this.book.create(preset.getKey(), preset.getValue(), this.query.count(preset.getValue()), "demo");
				created++;
			}
		}
		log.info("Demo segments: {} customers scored by RFM, {} segments created", run.scored(), created);
	}

	private static SegmentFilter rfm(RfmGroup group) {
		return new SegmentFilter(null, List.of(), group, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

}
