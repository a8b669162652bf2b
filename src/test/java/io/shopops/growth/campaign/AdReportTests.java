package io.shopops.growth.campaign;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.shopops.growth.campaign.AdReport.Layout;
import io.shopops.growth.campaign.AdReport.Opened;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.CsvRowHandler;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading the ad reports of {@code ../shared/formats/analytics-ad-review-exports.md}
 * (section 3): each layout told by its header (exact header lines copied from there),
 * Google Ads' title lines above the header, and the cells as the back offices write them.
 */
class AdReportTests {

	/** 3.1 万相台无界 营销场景数据, as the formats file lists it. */
	static final String WANXIANGTAI_SCENES = "日期,场景ID,场景名字,原二级场景ID,原二级场景名字,展现量,点击量,花费,点击率,平均点击花费,千次展现花费,"
			+ "总成交金额,总成交笔数,直接成交金额,间接成交金额,点击转化率,投入产出比,总购物车数,加购率,总收藏数,成交新客数,成交新客占比,会员首购人数,会员成交金额,会员成交笔数";

	/** 3.1 万相台无界 营销明细数据: per 主体, no campaign column. */
	static final String WANXIANGTAI_SUBJECTS = "日期,主体ID,主体类型,主体名称,展现量,点击量,花费,总成交金额,总成交笔数,总预售成交金额,含预售投产比";

	/** 3.6 巨量千川 推广直播间画面. */
	static final String QIANCHUAN_LIVE = "日期,抖音号名称,抖音号ID,净成交ROI,净成交金额,净成交订单数,净成交订单成本,用户实际支付金额,净成交金额结算率,"
			+ "1小时内退款率,整体展示次数,整体点击次数,整体点击率,整体转化率,整体消耗,整体成交金额,整体支付ROI,整体千次展现费用";

	/** 3.6 巨量千川 推广视频素材: no date column. */
	static final String QIANCHUAN_VIDEO = "素材名称,素材ID,素材评估,素材时长,素材来源,净成交ROI,净成交金额,净成交订单数,1小时内退款率,整体展现次数,"
			+ "整体点击次数,整体点击率,整体转化率,整体消耗,整体成交金额,整体支付ROI,整体千次展现费用";

	/** 3.7 Google Ads campaign report, the header of a real export. */
	static final String GOOGLE_ADS = "Campaign status,Campaign,Budget,Budget name,Budget type,Status,Status reasons,Campaign type,"
			+ "Impr.,Interactions,Interaction rate,Currency code,Avg. cost,Cost,Search lost IS (budget),Avg. CPC,"
			+ "Search lost IS (rank),Search impr. share,Optimization score,Bid strategy type,Clicks,Conv. rate,Conversions,Cost / conv.";

	/** 1.2 生意参谋 店铺销售数据: a shop export, not an ad report. */
	static final String SYCM_SHOP = "统计日期,访客数,浏览量,支付金额,全站推广花费,关键词推广花费,精准人群推广花费";

	/** 3.4 拼多多推广 分天报表 (not read by this import). */
	static final String PDD_ADS = "日期,商品ID,商品名称,推广场景,推广名称,出价方式,分组,是否已删除,成交花费(元),交易额(元),实际投产比,总花费(元)";

	@TempDir
	Path dir;

	@Test
	void eachLayoutIsToldByItsHeader() {
		assertThat(AdReport.detect(header(WANXIANGTAI_SCENES))).isEqualTo(Layout.WANXIANGTAI);
		assertThat(Layout.WANXIANGTAI.namesCampaigns(header(WANXIANGTAI_SCENES))).isTrue();
		assertThat(AdReport.detect(header(WANXIANGTAI_SUBJECTS))).isEqualTo(Layout.WANXIANGTAI);
		assertThat(Layout.WANXIANGTAI.namesCampaigns(header(WANXIANGTAI_SUBJECTS))).isFalse();
		assertThat(AdReport.detect(header(QIANCHUAN_LIVE))).isEqualTo(Layout.QIANCHUAN);
		assertThat(Layout.QIANCHUAN.namesCampaigns(header(QIANCHUAN_LIVE))).isFalse();
		assertThat(AdReport.detect(header(QIANCHUAN_VIDEO))).isEqualTo(Layout.QIANCHUAN);
		assertThat(header(QIANCHUAN_VIDEO).has(Layout.QIANCHUAN.columns().date())).isFalse();
		assertThat(AdReport.detect(header(GOOGLE_ADS))).isEqualTo(Layout.GOOGLE_ADS);
		assertThat(AdReport.detect(header("Day,Campaign,Campaign ID,Cost,Impr.,Clicks"))).isEqualTo(Layout.GOOGLE_ADS);
		assertThat(AdReport.detect(header("date,campaign,campaign_id,spend,impressions,clicks,orders,gmv")))
			.isEqualTo(Layout.TEMPLATE);
		assertThat(AdReport.detect(header("日期,推广计划,推广计划ID,花费,展现量,点击量,成交笔数,成交金额"))).isEqualTo(Layout.TEMPLATE);
		assertThat(AdReport.detect(header(SYCM_SHOP))).isNull();
		assertThat(AdReport.detect(header(PDD_ADS))).isNull();
		assertThat(AdReport.detect(header("sku,qty"))).isNull();
	}

	@Test
	void theColumnsOfEachLayoutAreFoundByName() {
		Header scenes = header(WANXIANGTAI_SCENES);
		var wx = Layout.WANXIANGTAI.columns();
		assertThat(scenes.name(scenes.index(wx.campaignId()))).isEqualTo("场景ID");
		assertThat(scenes.name(scenes.index(wx.campaign()))).isEqualTo("场景名字");
		assertThat(scenes.name(scenes.index(wx.spend()))).isEqualTo("花费");
		assertThat(scenes.name(scenes.index(wx.gmv()))).isEqualTo("总成交金额");
		assertThat(scenes.name(scenes.index(wx.orders()))).isEqualTo("总成交笔数");
		Header live = header(QIANCHUAN_LIVE);
		var qc = Layout.QIANCHUAN.columns();
		assertThat(live.name(live.index(qc.spend()))).isEqualTo("整体消耗");
		assertThat(live.name(live.index(qc.impressions()))).isEqualTo("整体展示次数");
		assertThat(live.name(live.index(qc.detail()))).isEqualTo("抖音号ID");
		assertThat(live.name(live.index(qc.gmv()))).isEqualTo("整体成交金额");
		assertThat(live.name(live.index(qc.orders()))).isEqualTo("净成交订单数");
		// 展示次数 in one 千川 file, 展现次数 in the other
		Header video = header(QIANCHUAN_VIDEO);
		assertThat(video.name(video.index(qc.impressions()))).isEqualTo("整体展现次数");
		Header google = header(GOOGLE_ADS);
		var ga = Layout.GOOGLE_ADS.columns();
		assertThat(google.name(google.index(ga.campaign()))).isEqualTo("Campaign");
		assertThat(google.name(google.index(ga.spend()))).isEqualTo("Cost");
		assertThat(google.name(google.index(ga.impressions()))).isEqualTo("Impr.");
		assertThat(google.name(google.index(ga.currency()))).isEqualTo("Currency code");
		assertThat(google.has(ga.date())).isFalse();
	}

	@Test
	void googleAdsTitleLinesAboveTheHeaderAreSkippedAndRowsKeepTheirSpreadsheetNumbers() throws IOException {
		Path file = write("Campaign report.csv", StandardCharsets.UTF_8,
				"Campaign report\n\"July 8, 2025 - July 31, 2025\"\n" + GOOGLE_ADS + "\n"
						+ "Paused,Leads-Smart-4,4.00, --,Daily,Paused,campaign paused; unknown,Display,\"795,836\",\"9,265\",1.16%,"
						+ "USD,0.29,2691.41, --,0.29, --, --, --,Maximize Conversions,\"9,265\",0.24%,22.00,122.34\n"
						+ "Total: Campaigns, --, --, --, --, --,, --,\"14,117,313\",\"283,527\",2.01%,USD,0.70,199421.15,20.53%,"
						+ "1.19,71.01%,< 10%, --, --,\"167,739\",6.60%,\"18,703.32\",10.65\n");
		List<String> rows = new ArrayList<>();
		try (Opened report = AdReport.open(file)) {
			assertThat(report.layout()).isEqualTo(Layout.GOOGLE_ADS);
			assertThat(report.titles()).containsExactly("Campaign report", "July 8, 2025 - July 31, 2025");
			assertThat(report.period()).isEqualTo("July 8, 2025 - July 31, 2025");
			assertThat(report.periodDay()).isNull();
			assertThat(report.csv().records()).isEqualTo(2);
			report.csv().read(new CsvRowHandler() {

				@Override
				public void row(CsvRow row) {
					rows.add(report.row(row.number()) + " " + row.text(1) + " " + row.text(13) + " "
							+ AdReport.isTotal(row.text(0)));
				}

				@Override
				public void problem(long row, String code, List<Object> args) {
					rows.add(row + " " + code);
				}

			});
			assertThat(report.trimmed()).exists();
			Path trimmed = report.trimmed();
			report.close();
			assertThat(trimmed).doesNotExist();
		}
		assertThat(rows).containsExactly("4 Leads-Smart-4 2691.41 false", "5 -- 199421.15 true");
	}

	@Test
	void aGoogleAdsReportOfOneDayGivesThatDay() throws IOException {
		Path file = write("day.csv", StandardCharsets.UTF_8,
				"\uFEFFCampaign report\n\"July 8, 2025 - July 8, 2025\"\n" + GOOGLE_ADS + "\n");
		try (Opened report = AdReport.open(file)) {
			assertThat(report.periodDay()).isEqualTo(LocalDate.of(2025, 7, 8));
		}
		Path allTime = write("all.csv", StandardCharsets.UTF_8, "Campaign report\nAll time\n" + GOOGLE_ADS + "\n");
		try (Opened report = AdReport.open(allTime)) {
			assertThat(report.layout()).isEqualTo(Layout.GOOGLE_ADS);
			assertThat(report.periodDay()).isNull();
			assertThat(report.period()).isEqualTo("All time");
		}
		assertThat(AdReport.singleDay("Jul 8, 2025")).isEqualTo(LocalDate.of(2025, 7, 8));
		assertThat(AdReport.singleDay("2025-07-08 - 2025-07-08")).isEqualTo(LocalDate.of(2025, 7, 8));
		assertThat(AdReport.singleDay("2025-07-08 - 2025-07-09")).isNull();
	}

	@Test
	void aChineseReportInGb18030OpensOnItsFirstLine() throws IOException {
		Path file = write("wx.csv", Charset.forName("GB18030"),
				WANXIANGTAI_SCENES + "\n2026-04-17,1001,全站推广,,,\"10,095\",300,\"1,200.00\"\n");
		try (Opened report = AdReport.open(file)) {
			assertThat(report.layout()).isEqualTo(Layout.WANXIANGTAI);
			assertThat(report.titles()).isEmpty();
			assertThat(report.trimmed()).isNull();
			assertThat(report.row(2)).isEqualTo(2);
		}
		assertThat(AdReport.open(write("x.csv", StandardCharsets.UTF_8, "sku,qty\nA,1\n"))).isNull();
		assertThat(AdReport.open(write("y.csv", StandardCharsets.UTF_8, "a\nb\nc\n" + SYCM_SHOP + "\n"))).isNull();
	}

	@Test
	void aWorkbookIsRefusedAsASpreadsheet() throws IOException {
		Path xls = this.dir.resolve("report.xls");
		byte[] ole = new byte[512];
		ole[0] = (byte) 0xD0;
		ole[1] = (byte) 0xCF;
		ole[2] = (byte) 0x11;
		ole[3] = (byte) 0xE0;
		Files.write(xls, ole);
		assertThatExceptionOfType(CsvFileException.class).isThrownBy(() -> AdReport.open(xls))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(CsvProblems.FILE_SPREADSHEET));
	}

	@Test
	void datesInTheBackOfficesFormats() {
		LocalDate day = LocalDate.of(2026, 4, 17);
		for (String text : List.of("2026-04-17", "2026/4/17", "2026年4月17日", "20260417", "2026/04/17 07:00:29",
				"April 17, 2026", "Apr 17, 2026", "Fri, Apr 17, 2026", " 2026-04-17\t")) {
			assertThat(AdReport.date(text).value()).as(text).isEqualTo(day);
		}
		for (String text : List.of("2026-02-30", "17.04.26", "someday", "2026年13月1日")) {
			assertThat(AdReport.date(text).problem()).as(text).isEqualTo(CsvProblems.DATE_INVALID);
		}
	}

	@Test
	void numbersAsTheExportsWriteThem() {
		assertThat(AdReport.money("10,095.00").value()).isEqualByComparingTo("10095.00");
		assertThat(AdReport.money("¥1,200").value()).isEqualTo(new BigDecimal("1200.00"));
		assertThat(AdReport.money("￥3.5元").value()).isEqualTo(new BigDecimal("3.50"));
		assertThat(AdReport.money("2691.416").value()).isEqualTo(new BigDecimal("2691.42"));
		for (String none : Arrays.asList("", " --", "--", "-", "—")) {
			assertThat(AdReport.money(none)).as(none).isEqualTo(Parsed.of(null));
			assertThat(AdReport.count(none, false)).as(none).isEqualTo(Parsed.of(null));
		}
		assertThat(AdReport.money("0.23%").problem()).isEqualTo(CsvProblems.NUMBER_INVALID);
		assertThat(AdReport.money("-5").problem()).isEqualTo(CsvProblems.NUMBER_NEGATIVE);
		assertThat(AdReport.money("200000000000").problem()).isEqualTo(CsvProblems.NUMBER_TOO_LARGE);
		assertThat(AdReport.count("\"795,836\"".replace("\"", ""), false).value()).isEqualTo(795_836L);
		assertThat(AdReport.count("16.0", false).value()).isEqualTo(16L);
		assertThat(AdReport.count("1.5", false).problem()).isEqualTo(CsvProblems.NUMBER_INVALID);
		// Google Ads' conversions are fractional: rounded
		assertThat(AdReport.count("4,838.80", true).value()).isEqualTo(4839L);
		assertThat(AdReport.count("< 10%", true).problem()).isEqualTo(CsvProblems.NUMBER_INVALID);
	}

	@Test
	void summaryRowsAreToldApartFromCampaigns() {
		for (String total : List.of("Total: Campaigns", "Total: Account", "Total: Search", "汇总", "合计", "总计：",
				"TOTAL")) {
			assertThat(AdReport.isTotal(total)).as(total).isTrue();
		}
		for (String campaign : List.of("Total Wellness Promo", "合计划", "双11预热", "")) {
			assertThat(AdReport.isTotal(campaign)).as(campaign).isFalse();
		}
	}

	private static Header header(String line) {
		return Header.of(Arrays.asList(line.split(",", -1)));
	}

	private Path write(String name, Charset charset, String text) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text, charset);
		return file;
	}

}
