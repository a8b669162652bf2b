package io.shopops.growth.campaign;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.RecordingImportRun;
import io.shopops.dashboard.TrafficFigures;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.growth.campaign.CampaignViews.CampaignRow;
import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRefusedException;
import io.shopops.platform.ImportHandler.ImportResult;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code ad-spend} import over the database: 万相台, 千川 and Google Ads reports as
 * downloaded (headers copied from the formats file) and the template; campaigns found by
 * platform id or name, or chosen with the upload; a re-import replaces its days and
 * counts nothing twice; bad files report every row and write nothing; the spend is the
 * campaigns' figures and the KPI page's ad spend.
 */
@SpringBootTest
class AdSpendImportTests {

	@Autowired
	AdSpendImportHandler handler;

	@Autowired
	Campaigns campaigns;

	@Autowired
	SalesChannels channels;

	@Autowired
	TrafficFigures figures;

	@Autowired
	ShopSettings settings;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aWanxiangtaiSceneReportImportsOnceAndAgainChangesNothing() throws IOException {
		String channel = channel();
		LocalDate start = LocalDate.of(2012, 3, 1);
		String byId = CampaignFixtures.unique("全站推广");
		String byName = CampaignFixtures.unique("关键词推广");
		long first = create(byId, AdPlatform.WANXIANGTAI, channel, "9" + System.nanoTime() % 1_000_000_000L, start);
		long second = create(byName, AdPlatform.ZHITONGCHE, channel, null, start);
		String externalId = external(first);
		Path file = write("万相台.csv", Charset.forName("GB18030"), AdReportTests.WANXIANGTAI_SCENES + "\n"
		// found by 场景ID although the platform renamed the scene
				+ "2012-03-01," + externalId
				+ ",改名后的场景,,,\"10,095\",300,\"1,200.00\",2.97%,4.00,118.87,\"5,880.50\",42,"
				+ "5000,880.5,14%,4.90,60,20%,12,30,71%,3,100,2\n" + "2012/3/2," + externalId
				+ ",改名后的场景,,,9000,250,\"1,000.00\",2.78%,4.00,111.11,4000,30,4000,0,12%,4.00,"
				+ "50,20%,10,20,67%,2,80,1\n" + "20120301,," + byName.toUpperCase(Locale.ROOT)
				+ ",,,5000,100,¥300.50,2%,3.00,60.10,-,-,-,-,-,-,-,-,-,-,-,-,-,-\n"
				+ "汇总,,,,,\"24,095\",650,\"2,500.50\",,,,,,,,,,,,,,,,,\n");
		RecordingImportRun run = run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, null);
		ImportResult result = this.handler.run(run);
		assertThat(run.problems).isEmpty();
		assertThat(result.created()).isEqualTo(3);
		assertThat(result.written()).isTrue();
		assertThat(days(first)).containsExactly("2012-03-01 1200.00 10095 300 42 5880.50 WANXIANGTAI",
				"2012-03-02 1000.00 9000 250 30 4000.00 WANXIANGTAI");
		assertThat(days(second)).containsExactly("2012-03-01 300.50 5000 100 0 0.00 WANXIANGTAI");
		assertThat(audits(first)).containsExactly("CAMPAIGN_CREATED", "CAMPAIGN_SPEND_IMPORTED");

		ImportResult again = this.handler.run(run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, null));
		assertThat(again.unchanged()).isEqualTo(3);
		assertThat(again.created() + again.updated()).isZero();
		assertThat(days(first)).hasSize(2);
		assertThat(audits(first)).containsExactly("CAMPAIGN_CREATED", "CAMPAIGN_SPEND_IMPORTED");

		// the campaign figures and the KPI page's ad spend of the channel
		CampaignRow row = this.campaigns.find(first, start).orElseThrow().campaign();
		assertThat(row.totals().spend()).isEqualByComparingTo("2200.00");
		assertThat(row.totals().roi()).isEqualByComparingTo("4.49");
		assertThat(row.totals().ctr()).isEqualByComparingTo("2.88");
		assertThat(this.figures.adSpend(start, start, channel))
			.hasValueSatisfying((spend) -> assertThat(spend).isEqualByComparingTo("1500.50"));
		assertThat(this.figures.dailyAdSpend(start, start.plusDays(1), channel).get(start.plusDays(1)))
			.hasValueSatisfying((spend) -> assertThat(spend).isEqualByComparingTo("1000.00"));

		// a changed day in a later download replaces that day only
		Path later = write("万相台-2.csv", StandardCharsets.UTF_8, AdReportTests.WANXIANGTAI_SCENES + "\n" + "2012-03-02,"
				+ externalId + ",改名后的场景,,,9100,260,\"1,100.00\",,,,4100,31,,,,,,,,,,,,\n");
		ImportResult changed = this.handler.run(run(later, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, null));
		assertThat(changed.updated()).isOne();
		assertThat(days(first)).containsExactly("2012-03-01 1200.00 10095 300 42 5880.50 WANXIANGTAI",
				"2012-03-02 1100.00 9100 260 31 4100.00 WANXIANGTAI");
		assertThat(this.figures.adSpend(start, start.plusDays(1), channel))
			.hasValueSatisfying((spend) -> assertThat(spend).isEqualByComparingTo("2600.50"));
	}

	@Test
	void aQianchuanReportNeedsTheCampaignChosenAndSumsItsAccounts() throws IOException {
		LocalDate start = LocalDate.of(2012, 4, 1);
		long id = create(CampaignFixtures.unique("千川直播"), AdPlatform.QIANCHUAN, null, null, start);
		Path file = write("千川.csv", StandardCharsets.UTF_8, AdReportTests.QIANCHUAN_LIVE + "\n"
				+ "2012-04-01,官方旗舰店,1001,3.2,\"3,200.00\",40,25.00,3300,95%,2%,\"120,000\",\"3,600\",3%,1.1%,\"1,000.00\","
				+ "\"3,400.00\",3.4,8.33\n"
				+ "2012-04-01,达人号,1002,2.0,800,10,40,820,95%,1%,\"30,000\",900,3%,1.1%,400.00,820.00,2.05,13.33\n"
				+ "2012/04/02 00:00:00,官方旗舰店,1001,1,100,2,50,100,95%,0%,5000,100,2%,2%,100,100,1,20\n");
		for (Map<String, String> missing : List.of(Map.<String, String>of(), Map.of("campaign", "file"))) {
			assertThatExceptionOfType(ImportRefusedException.class)
				.isThrownBy(() -> this.handler.inspect(List.of(file), missing))
				.extracting(ImportRefusedException::code)
				.isEqualTo(AdSpendImportHandler.CAMPAIGN_MISSING);
		}
		for (String unknown : List.of("999999999", "abc")) {
			assertThatExceptionOfType(ImportRefusedException.class)
				.isThrownBy(() -> this.handler.inspect(List.of(file), Map.of("campaign", unknown)))
				.extracting(ImportRefusedException::code)
				.isEqualTo(AdSpendImportHandler.CAMPAIGN_UNKNOWN);
		}
		assertThat(this.handler.inspect(List.of(file), Map.of("campaign", Long.toString(id)))).isEqualTo(3);
		RecordingImportRun run = run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, id);
		ImportResult result = this.handler.run(run);
		assertThat(run.problems).isEmpty();
		// counted in rows: the two accounts' rows made one day
		assertThat(result.created()).isEqualTo(3);
		assertThat(days(id)).containsExactly("2012-04-01 1400.00 150000 4500 50 4220.00 QIANCHUAN",
				"2012-04-02 100.00 5000 100 2 100.00 QIANCHUAN");
		assertThat(this.handler.run(run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, id)).unchanged())
			.isEqualTo(3);
		assertThat(days(id)).hasSize(2);

		// the same account twice on a day would count twice: refused, nothing written
		Path twice = write("千川-2.csv", StandardCharsets.UTF_8,
				AdReportTests.QIANCHUAN_LIVE + "\n" + "2012-04-03,官方旗舰店,1001,1,1,1,1,1,1,1,1,1,1,1,10,1,1,1\n"
						+ "2012-04-03,官方旗舰店,1001,1,1,1,1,1,1,1,1,1,1,1,10,1,1,1\n");
		RecordingImportRun duplicate = run(twice, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, id);
		assertThat(this.handler.run(duplicate).written()).isFalse();
		assertThat(duplicate.problems).containsExactly("3:" + AdSpendImportHandler.ROW_DUPLICATE);
		assertThat(days(id)).hasSize(2);

		// the 推广视频素材 report has no date: refused
		Path video = write("素材.csv", StandardCharsets.UTF_8,
				AdReportTests.QIANCHUAN_VIDEO + "\n素材A,1,优,30,自制,1,1,1,1,1,1,1,1,10,1,1,1\n");
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> this.handler.inspect(List.of(video), Map.of("campaign", Long.toString(id))))
			.extracting(ImportRefusedException::code)
			.isEqualTo(AdSpendImportHandler.NO_DATE);
	}

	@Test
	void aGoogleAdsReportByDaySkipsItsTitleLinesAndTotals() throws IOException {
		LocalDate start = LocalDate.of(2012, 7, 8);
		String name = CampaignFixtures.unique("Deck, siding & other_Mobile_RSL");
		long id = create(name, AdPlatform.GOOGLE_ADS, null, null, start);
		// a 万相台 campaign is not in a Google Ads report
		String tmall = CampaignFixtures.unique("tmall");
		create(tmall, AdPlatform.WANXIANGTAI, null, null, start);
		String currency = this.settings.current().currency().getCurrencyCode();
		String other = currency.equals("USD") ? "EUR" : "USD";
		String header = "Day," + AdReportTests.GOOGLE_ADS;
		Path file = write("Campaign report.csv", StandardCharsets.UTF_8,
				"Campaign report\n\"July 8, 2012 - July 9, 2012\"\n" + header + "\n" + "2012-07-08,Paused,\"" + name
						+ "\",3.00, --,Daily,Paused,campaign paused,Search,\"244,482\",\"3,316\",1.36%," + currency
						+ ",2.20,7298.62,4.28%,2.20,> 90%,< 10%, --,Maximize Conversions (Target CPA),\"3,316\",12.91%,"
						+ "428.20,17.04\n" + "2012-07-09,Paused,\"" + name
						+ "\",3.00, --,Daily,Paused,x,Search,50,2,4.00%," + currency
						+ ",0.65,1.30,54.37%,0.65,45.32%,< 10%, --,x,2,0.00%,0.00,0.00\n"
						+ " --,Total: Campaigns, --, --, --, --, --,, --,\"244,532\",\"3,318\",2.01%," + currency
						+ ",0.70,7299.92,20.53%,1.19,71.01%,< 10%, --, --,\"3,318\",6.60%,428.20,10.65\n"
						+ ",Total: Account,,,,,,,,\"244,532\",\"3,318\",2.01%," + currency
						+ ",0.70,7299.92,20.53%,1.19,71.01%,< 10%,,,\"3,318\",6.60%,428.20,10.65\n");
		RecordingImportRun run = run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, null);
		ImportResult result = this.handler.run(run);
		assertThat(run.problems).isEmpty();
		assertThat(result.created()).isEqualTo(2);
		assertThat(days(id)).containsExactly("2012-07-08 7298.62 244482 3316 428 0.00 GOOGLE_ADS",
				"2012-07-09 1.30 50 2 0 0.00 GOOGLE_ADS");

		// a report of one day needs no Day column; another currency than the shop's is
		// refused per row
		Path oneDay = write("one-day.csv", StandardCharsets.UTF_8,
				"Campaign report\n\"July 10, 2012 - July 10, 2012\"\n" + AdReportTests.GOOGLE_ADS + "\n" + "Enabled,\""
						+ name + "\",3.00, --,Daily,Eligible,x,Search,100,10,10%," + currency
						+ ",1,10.00, --,1, --, --, --,x,10,1%,1.00,10\n" + "Enabled,\"" + name
						+ "\",3.00, --,Daily,Eligible,x,Search,100,10,10%," + other
						+ ",1,10.00, --,1, --, --, --,x,10,1%,1.00,10\n" + "Enabled," + tmall
						+ ",3.00, --,Daily,Eligible,x,Search,100,10,10%," + currency
						+ ",1,10.00, --,1, --, --, --,x,10,1%,1.00,10\n");
		RecordingImportRun bad = run(oneDay, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, null);
		assertThat(this.handler.run(bad).written()).isFalse();
		// row numbers are the spreadsheet's: two title lines, the header on row 3
		assertThat(bad.problems).containsExactly("5:" + AdSpendImportHandler.ROW_CURRENCY,
				"6:" + AdSpendImportHandler.ROW_PLATFORM);
		assertThat(days(id)).hasSize(2);
		RecordingImportRun skipping = run(oneDay, ImportMode.APPLY, ImportPolicy.SKIP_INVALID, null);
		assertThat(this.handler.run(skipping).created()).isOne();
		assertThat(days(id)).contains("2012-07-10 10.00 100 10 1 0.00 GOOGLE_ADS");

		// a report of the whole period, not segmented by day, cannot be imported
		Path allTime = write("all-time.csv", StandardCharsets.UTF_8,
				"Campaign report\nAll time\n" + AdReportTests.GOOGLE_ADS + "\nEnabled,\"" + name
						+ "\",3.00, --,Daily,x,x,Search,1,1,1%," + currency
						+ ",1,1.00, --,1, --, --, --,x,1,1%,1.00,1\n");
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.handler.inspect(allTime))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(AdSpendImportHandler.NO_DAY))
			.satisfies((ex) -> assertThat(ex.args()).containsExactly("All time"));
	}

	@Test
	void aBadFileReportsEveryRowAndWritesNothingUnlessInvalidRowsAreSkipped() throws IOException {
		LocalDate start = LocalDate.of(2012, 9, 1);
		String name = CampaignFixtures.unique("模板计划");
		long id = create(name, AdPlatform.DUODUO, null, null, start);
		this.campaigns.record(id, start, CampaignFixtures.numbers("50", 500, 5, 1, "80"), SpendSource.MANUAL);
		Path file = write("template.csv", StandardCharsets.UTF_8,
				"date,campaign,campaign_id,spend,impressions,clicks,orders,gmv\n" + "2012-09-01," + name
						+ ",,100.00,1000,20,2,300.00\n" + "2012-09-02,no such campaign,,1,1,1,1,1\n" + "2012-10-30,"
						+ name + ",,1,1,1,1,1\n" + "2012-09-03," + name + ",,-1,1,1,1,1\n" + "2012-09-04," + name
						+ ",,1,1.5,1,1,1\n" + "someday," + name + ",,1,1,1,1,1\n" + "2012-09-01," + name
						+ ",,1,1,1,1,1\n" + "2012-09-05,,,1,1,1,1,1\n" + "2012-09-06," + name + ",,10%,1,1,1,1\n"
						+ "2012-09-07," + name + ",,7,,,,\n");
		RecordingImportRun run = run(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING, null);
		ImportResult result = this.handler.run(run);
		assertThat(result.written()).isFalse();
		assertThat(result.failed()).isEqualTo(8);
		assertThat(run.problems).containsExactly("3:" + AdSpendImportHandler.ROW_CAMPAIGN_UNKNOWN,
				"4:" + AdSpendImportHandler.ROW_OUTSIDE, "5:import.problem.number.negative",
				"6:import.problem.number.invalid", "7:import.problem.date.invalid",
				"8:" + AdSpendImportHandler.ROW_DUPLICATE, "9:" + AdSpendImportHandler.ROW_CAMPAIGN_REQUIRED,
				"10:import.problem.number.invalid");
		// nothing applied: the day entered by hand is as it was
		assertThat(days(id)).containsExactly("2012-09-01 50.00 500 5 1 80.00 MANUAL");

		// validating writes nothing either
		RecordingImportRun validate = run(file, ImportMode.VALIDATE, ImportPolicy.SKIP_INVALID, null);
		assertThat(this.handler.run(validate).written()).isFalse();
		assertThat(days(id)).containsExactly("2012-09-01 50.00 500 5 1 80.00 MANUAL");

		// skipping invalid rows: the valid ones replace the hand-entered day (and say so)
		RecordingImportRun skipping = run(file, ImportMode.APPLY, ImportPolicy.SKIP_INVALID, null);
		ImportResult skipped = this.handler.run(skipping);
		assertThat(skipped.written()).isTrue();
		assertThat(skipped.created()).isOne();
		assertThat(skipped.updated()).isOne();
		assertThat(skipping.problems).endsWith("2:" + AdSpendImportHandler.REPLACED + ".MANUAL");
		assertThat(days(id)).containsExactly("2012-09-01 100.00 1000 20 2 300.00 FILE",
				"2012-09-07 7.00 0 0 0 0.00 FILE");
		assertThat(this.jdbc
			.sql("SELECT summary FROM audit_entry WHERE action = 'CAMPAIGN_SPEND_IMPORTED'"
					+ " AND object_type = 'campaign' AND object_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.single()).contains("source=FILE", "added=1", "replaced=1", "spend=107.00");
	}

	@Test
	void filesThatAreNotAdReportsAreRefusedWithTheReason() throws IOException {
		Path other = write("sycm.csv", StandardCharsets.UTF_8, AdReportTests.SYCM_SHOP + "\n2012-01-01,1,1,1,1,1,1\n");
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.handler.inspect(other))
			.extracting(ImportRefusedException::code)
			.isEqualTo(AdSpendImportHandler.HEADER);
		Path xlsx = this.dir.resolve("万相台.xlsx");
		Files.write(xlsx, new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0 });
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.handler.inspect(xlsx))
			.extracting(ImportRefusedException::code)
			.isEqualTo(AdSpendImportHandler.WORKBOOK);
		Path noSpend = write("no-spend.csv", StandardCharsets.UTF_8, "日期,场景ID,场景名字,展现量\n2012-01-01,1,x,5\n");
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.handler.inspect(noSpend))
			.extracting(ImportRefusedException::code)
			.isEqualTo(AdSpendImportHandler.HEADER);
	}

	private long create(String name, AdPlatform platform, String channel, String externalId, LocalDate start) {
		CampaignForm form = CampaignFixtures.form(name, channel, start, start.plusDays(30));
		form.setPlatform(platform);
		form.setExternalId(externalId);
		return this.campaigns.create(form);
	}

	private String external(long id) {
		return this.jdbc.sql("SELECT external_id FROM campaign WHERE id = ?").param(id).query(String.class).single();
	}

	private List<String> days(long id) {
		return this.jdbc.sql("""
				SELECT spend_date || ' ' || spend || ' ' || impressions || ' ' || clicks || ' ' || orders || ' ' || gmv
				    || ' ' || source
				FROM campaign_spend WHERE campaign_id = ? ORDER BY spend_date""").param(id).query(String.class).list();
	}

	private List<String> audits(long id) {
		return this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'campaign' AND object_id = ? ORDER BY id")
			.param(Long.toString(id))
			.query(String.class)
			.list();
	}

	private String channel() {
		String code = "AD" + CampaignFixtures.unique("").substring(1, 9).toUpperCase(Locale.ROOT);
		return this.channels.create(code, "广告导入 " + code, SalesPlatform.TMALL).code();
	}

	private static RecordingImportRun run(Path file, ImportMode mode, ImportPolicy policy, Long campaign) {
		return new RecordingImportRun(file, mode, policy,
				(campaign != null) ? Map.of("campaign", Long.toString(campaign)) : Map.of());
	}

	private Path write(String name, Charset charset, String text) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text, charset);
		return file;
	}

	static BigDecimal money(String value) {
		return new BigDecimal(value);
	}

}
