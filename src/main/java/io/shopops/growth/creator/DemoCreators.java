package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.growth.content.ContentPlatform;
import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's creators (profile {@code demo}), after the demo content: five
 * creators on 抖音, 小红书, B站, 视频号 and 微博 with cooperations of every type, linked to the demo
 * content pieces whose orders carry their tracking codes ({@code DY1111},
 * {@code XHS1120}, {@code BZ1128}, {@code SPH1125}), so that the creators' attributed
 * orders are exactly those pieces' orders in the cooperations' windows; samples taken
 * from stock through the inventory API (where a SKU has units available), and payouts of
 * the fixed fees. It runs once: a shop that has the creator {@value #MARKER} is left
 * alone.
 */
@Component
@Profile("demo")
@Order(63)
class DemoCreators implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCreators.class);

	static final String MARKER = "laowang_haowu";

	static final List<DemoCreator> CREATORS = List.of(
			new DemoCreator(ContentPlatform.DOUYIN, MARKER, "老王好物", 2_300_000, "好物测评", "13800138000",
					List.of(new DemoCooperation("双11 围巾种草（坑位费 + 佣金）", CooperationType.MIXED, CooperationStatus.ACTIVE,
							-42, null, "3000", "10", "KDY001", "DY1111", 3, "3000.00"))),
			new DemoCreator(ContentPlatform.XIAOHONGSHU, "xiaolu_beauty", "小鹿爱穿搭", 860_000, "穿搭", "xiaolu@example.com",
					List.of(new DemoCooperation("冬季通勤穿搭笔记", CooperationType.COMMISSION, CooperationStatus.COMPLETED,
							-32, -2, null, "15", "KXHS01", "XHS1120", 2, null))),
			new DemoCreator(ContentPlatform.BILIBILI, "cup_lab", "杯子实验室", 150_000, "数码测评", "wx_cuplab",
					List.of(new DemoCooperation("保温杯横评视频", CooperationType.FIXED_FEE, CooperationStatus.COMPLETED, -16,
							-10, "1500", null, "KBZ001", "BZ1128", 1, "1500.00"))),
			new DemoCreator(ContentPlatform.CHANNELS, "factory_tour", "工厂探访官", 98_000, "品牌故事", "13900139000",
					List.of(new DemoCooperation("工厂探访分销", CooperationType.COMMISSION, CooperationStatus.ACTIVE, -26,
							null, null, "8", "KSPH01", "SPH1125", 0, null))),
			new DemoCreator(ContentPlatform.WEIBO, "zhou_fashion", "时尚小周", 52_000, "时尚", null,
					List.of(new DemoCooperation("暖冬礼盒寄样", CooperationType.SAMPLE, CooperationStatus.PLANNED, 5, null,
							null, null, "KWB001", null, 0, null))));

	private final CreatorService service;

	private final Inventory inventory;

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	DemoCreators(CreatorService service, Inventory inventory, JdbcClient jdbc, ShopSettings settings) {
		this.service = service;
		this.inventory = inventory;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("SELECT count(*) FROM creator WHERE platform = 'DOUYIN' AND lower(handle) = :handle")
			.param("handle", MARKER)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		seed(Instant.now());
	}

	void seed(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.settings.current().timeZone());
		List<String> skus = this.jdbc.sql("""
				SELECT v.sku FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE p.status = 'ACTIVE' ORDER BY v.sku LIMIT 60""").query(String.class).list();
		Map<String, Integer> available = this.inventory.available(skus);
		List<String> stocked = skus.stream().filter((sku) -> available.getOrDefault(sku, 0) >= 10).toList();
		Map<String, Boolean> pieces = this.jdbc.sql("SELECT tracking_code FROM content_piece")
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.toMap((code) -> code, (code) -> true, (a, b) -> a));
		int cooperations = 0;
		int samples = 0;
		int index = 0;
		for (DemoCreator demo : CREATORS) {
			CreatorForm form = new CreatorForm();
			form.setPlatform(demo.platform());
			form.setHandle(demo.handle());
			form.setDisplayName(demo.name());
			form.setFollowers(demo.followers());
			form.setCategory(demo.category());
			form.setContact(demo.contact());
			long creator = this.service.createCreator(form);
			for (DemoCooperation k : demo.cooperations()) {
				CooperationForm terms = new CooperationForm();
				terms.setTitle(k.title());
				terms.setType(k.type());
				terms.setStatus(k.status());
				terms.setStartsOn(today.plusDays(k.startDay()));
				terms.setEndsOn((k.endDay() != null) ? today.plusDays(k.endDay()) : null);
				terms.setFixedFee((k.fee() != null) ? new BigDecimal(k.fee()) : null);
				terms.setCommissionRate((k.rate() != null) ? new BigDecimal(k.rate()) : null);
				terms.setTrackingCode(k.code());
				terms.setPieces((k.piece() != null && pieces.containsKey(k.piece())) ? k.piece() : null);
				long cooperation = this.service.createCooperation(creator, terms);
				cooperations++;
				if (k.samples() > 0 && !stocked.isEmpty()) {
					SampleForm sample = new SampleForm();
					sample.setSku(stocked.get(index++ % stocked.size()));
					sample.setQuantity(k.samples());
					sample.setWarehouse(Inventory.DEFAULT_WAREHOUSE);
					sample
						.setSentOn(today.plusDays(k.startDay()).isAfter(today) ? today : today.plusDays(k.startDay()));
					sample.setNote("样品寄送（演示）");
					try {
						this.service.sendSample(cooperation, sample, today);
						samples++;
					}
					catch (CreatorFormException ex) {
						log.info("Demo creators: no sample for {}: {}", demo.handle(), ex.getMessage());
					}
				}
				if (k.payout() != null) {
					PayoutForm payout = new PayoutForm();
					payout.setKind(PayoutKind.PAYOUT);
					payout.setDate(today.plusDays(k.startDay() + 3));
					payout.setAmount(new BigDecimal(k.payout()));
					payout.setReference("DEMO-" + k.code());
					payout.setNote("固定费用结算");
					this.service.recordEntry(creator, payout, today);
				}
			}
		}
		log.info("Demo creators: {} creators, {} cooperations, {} samples", CREATORS.size(), cooperations, samples);
	}

	/**
	 * A demo cooperation: days relative to today, the piece it links (by code), how many
	 * sample units, and the payout recorded, if any.
	 */
	record DemoCooperation(String title, CooperationType type, CooperationStatus status, int startDay, Integer endDay,
			String fee, String rate, String code, String piece, int samples, String payout) {
	}

	record DemoCreator(ContentPlatform platform, String handle, String name, long followers, String category,
			String contact, List<DemoCooperation> cooperations) {
	}

}
