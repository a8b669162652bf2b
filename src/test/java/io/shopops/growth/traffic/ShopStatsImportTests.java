package io.shopops.growth.traffic;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shopops.dashboard.TrafficFigures.Visits;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRefusedException;
import io.shopops.platform.ImportHandler.ImportResult;
import io.shopops.RecordingImportRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code shop-stats} import: the platforms' exports as downloaded (生意参谋 店铺销售数据, 京东商智
 * 店铺, 拼多多 交易概况 with its repeated 较上周期) and the template with a channel column; idempotent
 * per day, channel and source; bad rows reported and all-or-nothing; and the KPI page's
 * UV and PV of a channel from what was imported.
 */
@SpringBootTest
class ShopStatsImportTests {

	@Autowired
	ShopStatsImportHandler handler;

	@Autowired
	CollectedTrafficFigures figures;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aSycmShopExportImportsOnceAndAgainChangesNothing() throws IOException {
		String channel = channel(SalesPlatform.TMALL);
		Path file = write("sycm.csv", Charset.forName("GB18030"),
				"统计日期,访客数,浏览量,支付金额,支付买家数,支付子订单数,全站推广花费,关键词推广花费,跳失率\n"
						+ "2031-04-17,\"10,095\",\"31,396\",\"58,230.50\",280,312,\"1,200.00\",-,77.48%\n"
						+ "2031/4/18,9800,30000,¥51000.00,250,270,900,100.50,70%\n");
		RecordingImportRun run = run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, channel);
		ImportResult first = this.handler.run(run);
		assertThat(run.problems).isEmpty();
		assertThat(first.created()).isEqualTo(2);
		assertThat(first.written()).isTrue();
		assertThat(rows(channel)).containsExactly("2031-04-17 SYCM 10095 31396 null null 1200.00 312 58230.50",
				"2031-04-18 SYCM 9800 30000 null null 1000.50 270 51000.00");
		ImportResult again = this.handler.run(run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, channel));
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.created() + again.updated()).isZero();

		// the KPI page: the channel's UV and PV are known for the days imported, summed
		LocalDate day = LocalDate.of(2031, 4, 17);
		assertThat(this.figures.visits(day, day.plusDays(1), channel)).contains(new Visits(19895, 61396));
		assertThat(this.figures.visits(day, day.plusDays(2), channel)).isEmpty();
		Map<LocalDate, Optional<Visits>> daily = this.figures.dailyVisits(day, day.plusDays(2), channel);
		assertThat(daily.get(day)).contains(new Visits(10095, 31396));
		assertThat(daily.get(day.plusDays(2))).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'SHOP_STATS_IMPORTED'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void jdAndPinduoduoExportsAreToldApartByTheirHeaders() throws IOException {
		String jd = channel(SalesPlatform.JD);
		Path jdFile = write("jd.csv", StandardCharsets.UTF_8, "日期,浏览量,浏览量环比,访客数,访客数环比,人均浏览量,成交客户数,成交单量,成交金额,客单价\n"
				+ "20310501,\"5,000\",3%,1200,-2%,4.2,80,91,\"9,100.00\",113.75\n");
		assertThat(this.handler.run(run(jdFile, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, jd)).created()).isOne();
		assertThat(rows(jd)).containsExactly("2031-05-01 JD 1200 5000 null null null 91 9100.00");

		String pdd = channel(SalesPlatform.PINDUODUO);
		Path pddFile = write("pdd.csv", StandardCharsets.UTF_8, "统计时间,成交金额,较上周期,成交订单数,较上周期,成交买家数,较上周期,成交转化率,较上周期\n"
				+ "12-29-31,\"3,210.00\",+5%,40,-1%,38,2%,3.2%,0.1%\n");
		RecordingImportRun run = run(pddFile, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, pdd);
		assertThat(this.handler.run(run).created()).isOne();
		assertThat(run.problems).isEmpty();
		assertThat(rows(pdd)).containsExactly("2031-12-29 PDD null null null null null 40 3210.00");
	}

	@Test
	void theTemplateNamesTheChannelPerRowAndBadRowsWriteNothing() throws IOException {
		String tmall = channel(SalesPlatform.TMALL);
		String douyin = channel(SalesPlatform.DOUYIN);
		Path file = write("template.csv", StandardCharsets.UTF_8,
				"date,channel,uv,pv,impressions,clicks,spend,orders,gmv\n" + "2031-06-01,"
						+ tmall.toLowerCase(Locale.ROOT) + ",100,300,5000,120,50.00,9,900.00\n" + "2031-06-01," + douyin
						+ ",80,200,,,,,\n" + "2031-06-01,NOPE" + tmall + ",1,1,1,1,1,1,1\n" + "2031-06-02," + tmall
						+ ",-1,1,1,1,1,1,1\n" + "2031-06-03," + tmall + ",1.5,1,1,1,1,1,1\n" + "someday," + tmall
						+ ",1,1,1,1,1,1,1\n" + "2031-06-01," + tmall + ",1,1,1,1,1,1,1\n" + "2031-06-04," + tmall
						+ ",,,-,,,,\n");
		RecordingImportRun run = run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, null);
		ImportResult result = this.handler.run(run);
		assertThat(result.failed()).isEqualTo(6);
		assertThat(result.written()).isFalse();
		assertThat(run.problems).containsExactly("4:stats.import.problem.channelUnknown",
				"5:import.problem.number.negative", "6:import.problem.number.invalid", "7:import.problem.date.invalid",
				"8:stats.import.problem.duplicate", "9:stats.import.problem.empty");
		assertThat(rows(tmall)).isEmpty();
		ImportResult skipping = this.handler.run(run(file, ImportMode.APPLY, ImportPolicy.SKIP_INVALID, null));
		assertThat(skipping.created()).isEqualTo(2);
		assertThat(rows(tmall)).containsExactly("2031-06-01 FILE 100 300 5000 120 50.00 9 900.00");
		assertThat(rows(douyin)).containsExactly("2031-06-01 FILE 80 200 null null null null null");
	}

	@Test
	void aFileWithoutADateOrFiguresOrAChannelIsRefused() throws IOException {
		Path noDate = write("x.csv", StandardCharsets.UTF_8, "sku,qty\nA,1\n");
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.handler.inspect(noDate))
			.extracting(ImportRefusedException::code)
			.isEqualTo(ShopStatsImportHandler.HEADER);
		Path noChannel = write("y.csv", StandardCharsets.UTF_8, "date,uv\n2031-01-01,5\n");
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> this.handler.inspect(List.of(noChannel), Map.of()))
			.extracting(ImportRefusedException::code)
			.isEqualTo(ShopStatsImportHandler.CHANNEL_MISSING);
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> this.handler.inspect(List.of(noChannel), Map.of("channel", "NO-SUCH-CHANNEL")))
			.extracting(ImportRefusedException::code)
			.isEqualTo(ShopStatsImportHandler.CHANNEL_UNKNOWN);
	}

	private static RecordingImportRun run(Path file, ImportMode mode, ImportPolicy policy, String channel) {
		return new RecordingImportRun(file, mode, policy, (channel != null) ? Map.of("channel", channel) : Map.of());
	}

	private List<String> rows(String channel) {
		return this.jdbc
			.sql("""
					SELECT stat_date || ' ' || source || ' ' || coalesce(uv::text, 'null') || ' ' || coalesce(pv::text, 'null')
					    || ' ' || coalesce(impressions::text, 'null') || ' ' || coalesce(clicks::text, 'null') || ' '
					    || coalesce(spend::text, 'null') || ' ' || coalesce(orders::text, 'null') || ' '
					    || coalesce(gmv::text, 'null')
					FROM channel_daily_stat WHERE channel_code = ? ORDER BY stat_date""")
			.param(channel)
			.query(String.class)
			.list();
	}

	private String channel(SalesPlatform platform) {
		String code = "ST" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		return this.channels.create(code, "统计测试 " + code, platform).code();
	}

	private Path write(String name, Charset charset, String text) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text, charset);
		return file;
	}

}
