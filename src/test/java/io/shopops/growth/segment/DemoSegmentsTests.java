package io.shopops.growth.segment;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo segments: RFM is scored and the preset segments are saved once.
 */
@SpringBootTest
class DemoSegmentsTests {

	@Autowired
	RfmScoring rfm;

	@Autowired
	SegmentBook book;

	@Autowired
	SegmentQuery query;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scoresEveryoneAndSavesThePresetsOnce() {
		DemoSegments demo = new DemoSegments(this.rfm, this.book, this.query);
		demo.run(null);
		demo.run(null);
		assertThat(this.rfm.lastRun()).hasValueSatisfying((run) -> assertThat(run.actor()).isEqualTo("demo"));
		List<String> names = this.book.list().stream().map(SegmentBook.Saved::name).toList();
		for (String preset : DemoSegments.presets().keySet()) {
			assertThat(names).containsOnlyOnce(preset);
		}
		assertThat(this.book.list()
			.stream()
			.filter((s) -> s.name().equals("重要价值客户"))
			.findFirst()
			.orElseThrow()
			.filter()
			.rfmGroup()).isEqualTo(RfmGroup.IMPORTANT_VALUE);
	}

}
