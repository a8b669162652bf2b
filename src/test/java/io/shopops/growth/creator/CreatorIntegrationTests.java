package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockReference;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.growth.creator.CreatorMath.Earnings;
import io.shopops.growth.creator.CreatorViews.CreatorView;
import io.shopops.growth.creator.CreatorViews.LeaderRow;
import io.shopops.growth.creator.CreatorViews.LedgerLine;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Samples leave the stock through the inventory API with a ledger row, or are not
 * recorded at all; orders carrying a cooperation's code or attributed to its pieces count
 * for the creator net of refunds; the payout ledger's balance is its sum.
 */
@SpringBootTest
class CreatorIntegrationTests {

	@Autowired
	CreatorService service;

	@Autowired
	CreatorQueries queries;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShopSettings settings;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aSampleTakesItsUnitsFromStockWithASampleMovementAndCostsUnitsTimesCostPrice() {
		String sku = CreatorFixtures.sku(this.jdbc, this.inventory, "45.50", 10);
		long creator = this.service.createCreator(CreatorFixtures.creatorForm(CreatorFixtures.unique("sample_")));
		long cooperation = this.service.createCooperation(creator,
				CreatorFixtures.cooperationForm(CooperationType.SAMPLE, null, null, today().minusDays(3)));

		long sample = this.service.sendSample(cooperation, sampleForm(sku, 3), today());

		assertThat(this.inventory.find(sku, Inventory.DEFAULT_WAREHOUSE).orElseThrow().onHand()).isEqualTo(7);
		List<String> movements = this.jdbc.sql("""
				SELECT m.kind || ':' || m.on_hand_delta || ':' || coalesce(m.reference_type, '') || ':'
				    || coalesce(m.reference_id, '')
				FROM stock_movement m JOIN product_variant v ON v.id = m.variant_id WHERE v.sku = ? ORDER BY m.id""")
			.param(sku)
			.query(String.class)
			.list();
		assertThat(movements).containsExactly("INITIAL:10::", "SAMPLE:-3:creator_sample:" + sample);
		assertThat(this.inventory.checkLedger().mismatches()).noneMatch((m) -> m.sku().equals(sku));
		var view = this.queries.cooperationView(cooperation).orElseThrow();
		assertThat(view.samples()).singleElement().satisfies((s) -> {
			assertThat(s.quantity()).isEqualTo(3);
			assertThat(s.cost()).isEqualByComparingTo("136.50");
		});
		assertThat(view.earnings().sampleCost()).isEqualByComparingTo("136.50");
		assertThat(audits("cooperation", cooperation)).contains("COOPERATION_CREATED", "COOPERATION_SAMPLE_SENT");
	}

	@Test
	void aSampleTheStockCannotGiveIsNotRecorded() {
		String sku = CreatorFixtures.sku(this.jdbc, this.inventory, null, 3);
		this.inventory.reserve(sku, Inventory.DEFAULT_WAREHOUSE, 2, StockReference.order(CreatorFixtures.unique("R")));
		long creator = this.service.createCreator(CreatorFixtures.creatorForm(CreatorFixtures.unique("short_")));
		long cooperation = this.service.createCooperation(creator,
				CreatorFixtures.cooperationForm(CooperationType.SAMPLE, null, null, today()));

		// 3 on hand, 2 reserved: 1 available
		assertThatThrownBy(() -> this.service.sendSample(cooperation, sampleForm(sku, 2), today()))
			.isInstanceOfSatisfying(CreatorFormException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("creator.sample.form.quantity.insufficient");
				assertThat(ex.args()).containsExactly(sku, "MAIN", 1);
			});
		assertThat(count("SELECT count(*) FROM creator_sample WHERE cooperation_id = ?", cooperation)).isZero();
		assertThat(this.inventory.find(sku, Inventory.DEFAULT_WAREHOUSE).orElseThrow().onHand()).isEqualTo(3);
		assertThat(count("""
				SELECT count(*) FROM stock_movement m JOIN product_variant v ON v.id = m.variant_id
				WHERE v.sku = ? AND m.kind = 'SAMPLE'""", sku)).isZero();
		assertThat(audits("cooperation", cooperation)).doesNotContain("COOPERATION_SAMPLE_SENT");

		assertThatThrownBy(() -> this.service.sendSample(cooperation, sampleForm("NO-SUCH-" + sku, 1), today()))
			.isInstanceOfSatisfying(CreatorFormException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("creator.sample.form.sku.unknown"));
		// the one available unit can go; its cost is unknown
		this.service.sendSample(cooperation, sampleForm(sku, 1), today());
		assertThat(this.inventory.find(sku, Inventory.DEFAULT_WAREHOUSE).orElseThrow().onHand()).isEqualTo(2);
		var view = this.queries.cooperationView(cooperation).orElseThrow();
		assertThat(view.unknownCosts()).isOne();
		assertThat(view.earnings().sampleCost()).isEqualByComparingTo("0");
	}

	@Test
	void ordersByTheCooperationsCodeOrItsPiecesCountNetOfRefunds() {
		String handle = CreatorFixtures.unique("gmv_");
		long creator = this.service.createCreator(CreatorFixtures.creatorForm(handle));
		String pieceCode = CreatorFixtures.unique("PV");
		CreatorFixtures.piece(this.jdbc, pieceCode);
		CooperationForm form = CreatorFixtures.cooperationForm(CooperationType.COMMISSION, null, "20",
				today().minusDays(10));
		String code = CreatorFixtures.unique("K");
		form.setTrackingCode(code.toLowerCase());
		form.setPieces(pieceCode.toLowerCase());
		long cooperation = this.service.createCooperation(creator, form);

		Instant paidAt = Instant.now().minus(2, ChronoUnit.DAYS);
		OrderSnapshot byCode = CreatorFixtures.order("300.00", paidAt, code);
		OrderSnapshot byPiece = CreatorFixtures.order("200.00", paidAt.plusSeconds(60), pieceCode);
		OrderSnapshot other = CreatorFixtures.order("999.00", paidAt, CreatorFixtures.unique("ZZ"));
		OrderSnapshot before = CreatorFixtures.order("50.00", Instant.now().minus(20, ChronoUnit.DAYS), code);
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		for (OrderSnapshot order : List.of(byCode, byPiece, other, before)) {
			tx.executeWithoutResult((status) -> this.events.publishEvent(new OrderPaid(order, Instant.now())));
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(count("SELECT count(*) FROM attribution_order WHERE order_id IN (?, ?, ?, ?)",
							byCode.id(), byPiece.id(), other.id(), before.id()))
						.isEqualTo(4));
		assertThat(this.jdbc.sql("SELECT rule || '/' || traffic_source FROM attribution_order WHERE order_id = ?")
			.param(byCode.id())
			.query(String.class)
			.single()).isEqualTo("CONTENT/CONTENT");

		Earnings earnings = earnings(cooperation);
		assertThat(earnings.sales().orders()).isEqualTo(2);
		assertThat(earnings.sales().gmv()).isEqualByComparingTo("500.00");
		assertThat(earnings.commission()).isEqualByComparingTo("100.00");

		tx.executeWithoutResult((status) -> this.events
			.publishEvent(CreatorFixtures.refund(byCode, "100.00", Instant.now().truncatedTo(ChronoUnit.MILLIS))));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(earnings(cooperation).sales().refunded()).isEqualByComparingTo("100.00"));
		earnings = earnings(cooperation);
		// (500 − 100) × 20 % = 80
		assertThat(earnings.sales().net()).isEqualByComparingTo("400.00");
		assertThat(earnings.commission()).isEqualByComparingTo("80.00");
		assertThat(earnings.roi()).isEqualByComparingTo("5.00");
		assertThat(this.queries.cooperationView(cooperation).orElseThrow().orders())
			.extracting(CreatorViews.AttributedOrder::number, CreatorViews.AttributedOrder::via)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(byCode.number(), "CODE"),
					org.assertj.core.groups.Tuple.tuple(byPiece.number(), "PIECE"));

		List<LeaderRow> board = this.queries.leaderboard(today().minusDays(7), today(), LeaderboardSort.GMV);
		assertThat(board).filteredOn((row) -> row.creator().id() == creator)
			.singleElement()
			.satisfies((row) -> assertThat(row.earnings().sales().net()).isEqualByComparingTo("400.00"));
		// a range before the orders: nothing
		assertThat(this.queries.leaderboard(today().minusDays(9), today().minusDays(5), LeaderboardSort.ROI))
			.filteredOn((row) -> row.creator().id() == creator)
			.singleElement()
			.satisfies((row) -> assertThat(row.earnings().sales().orders()).isZero());

		// cancelled: its orders count for nobody
		CooperationForm cancel = CreatorFixtures.cooperationForm(CooperationType.COMMISSION, null, "20",
				form.getStartsOn());
		cancel.setTitle(form.getTitle());
		cancel.setTrackingCode(code);
		cancel.setPieces(pieceCode);
		cancel.setStatus(CooperationStatus.CANCELLED);
		this.service.updateCooperation(cooperation, cancel);
		assertThat(earnings(cooperation).sales().orders()).isZero();
		assertThat(earnings(cooperation).commission()).isEqualByComparingTo("0");
	}

	@Test
	void payoutsAndAdjustmentsAreAppendedAndTheBalanceIsTheLedgersSum() {
		long creator = this.service.createCreator(CreatorFixtures.creatorForm(CreatorFixtures.unique("pay_")));
		this.service.createCooperation(creator,
				CreatorFixtures.cooperationForm(CooperationType.FIXED_FEE, "1000", null, today().minusDays(5)));
		assertThat(this.queries.balance(creator)).isEqualByComparingTo("1000.00");

		this.service.recordEntry(creator, entry(PayoutKind.PAYOUT, "600.00", "银行转账 0012", null), today());
		assertThat(this.queries.balance(creator)).isEqualByComparingTo("400.00");
		assertThatThrownBy(
				() -> this.service.recordEntry(creator, entry(PayoutKind.PAYOUT, "400.01", null, null), today()))
			.isInstanceOfSatisfying(CreatorFormException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("creator.payout.form.amount.aboveBalance");
				assertThat(ex.args()).containsExactly("400.00");
			});
		assertThatThrownBy(
				() -> this.service.recordEntry(creator, entry(PayoutKind.ADJUSTMENT, "-50", null, " "), today()))
			.isInstanceOfSatisfying(CreatorFormException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("creator.payout.form.reason.required"));
		PayoutForm tomorrow = entry(PayoutKind.PAYOUT, "10", null, null);
		tomorrow.setDate(today().plusDays(1));
		assertThatThrownBy(() -> this.service.recordEntry(creator, tomorrow, today())).isInstanceOfSatisfying(
				CreatorFormException.class, (ex) -> assertThat(ex.code()).isEqualTo("creator.payout.form.date.future"));
		this.service.recordEntry(creator, entry(PayoutKind.ADJUSTMENT, "-50.00", null, "扣除迟发视频违约金"), today());

		CreatorView view = this.queries.view(creator).orElseThrow();
		// 1,000 − 600 − 50 = 350
		assertThat(view.balance()).isEqualByComparingTo("350.00");
		assertThat(view.ledger()).extracting(LedgerLine::kind).containsExactly("FEE", "PAYOUT", "ADJUSTMENT");
		BigDecimal sum = view.ledger().stream().map(LedgerLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo(view.balance());
		assertThat(view.ledger().get(view.ledger().size() - 1).balance()).isEqualByComparingTo("350.00");
		assertThat(count("SELECT count(*) FROM creator_payout WHERE creator_id = ?", creator)).isEqualTo(2);
		assertThat(audits("creator", creator)).contains("CREATOR_CREATED", "CREATOR_PAYOUT_RECORDED",
				"CREATOR_ADJUSTMENT_RECORDED");
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE creator_payout SET amount = 1 WHERE creator_id = ?")
			.param(creator)
			.update()).hasMessageContaining("append-only");
	}

	@Test
	void aCodeIsUsedByOneThingOnlyAndTermsMustFitTheType() {
		long creator = this.service.createCreator(CreatorFixtures.creatorForm(CreatorFixtures.unique("code_")));
		String pieceCode = CreatorFixtures.unique("PC");
		CreatorFixtures.piece(this.jdbc, pieceCode);
		CooperationForm form = CreatorFixtures.cooperationForm(CooperationType.COMMISSION, null, "10", today());
		form.setTrackingCode(pieceCode);
		assertThatThrownBy(() -> this.service.createCooperation(creator, form)).isInstanceOfSatisfying(
				CreatorFormException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("creator.cooperation.form.trackingCode.taken"));
		CooperationForm fee = CreatorFixtures.cooperationForm(CooperationType.FIXED_FEE, null, null, today());
		assertThatThrownBy(() -> this.service.createCooperation(creator, fee)).isInstanceOfSatisfying(
				CreatorFormException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("creator.cooperation.form.fixedFee.required"));
		CooperationForm sample = CreatorFixtures.cooperationForm(CooperationType.SAMPLE, null, "5", today());
		assertThatThrownBy(() -> this.service.createCooperation(creator, sample)).isInstanceOfSatisfying(
				CreatorFormException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("creator.cooperation.form.commissionRate.notForType"));
		CooperationForm linked = CreatorFixtures.cooperationForm(CooperationType.SAMPLE, null, null, today());
		linked.setPieces(pieceCode);
		long first = this.service.createCooperation(creator, linked);
		String generated = this.queries.cooperation(first).orElseThrow().trackingCode();
		assertThat(generated).startsWith("K").hasSize(6);
		CooperationForm again = CreatorFixtures.cooperationForm(CooperationType.SAMPLE, null, null, today());
		again.setPieces(pieceCode);
		assertThatThrownBy(() -> this.service.createCooperation(creator, again)).isInstanceOfSatisfying(
				CreatorFormException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("creator.cooperation.form.pieces.taken"));
		assertThatThrownBy(() -> this.service.createCreator(
				CreatorFixtures.creatorForm("@" + this.queries.creator(creator).orElseThrow().handle().toUpperCase())))
			.isInstanceOfSatisfying(CreatorFormException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("creator.form.handle.taken"));
	}

	private Earnings earnings(long cooperation) {
		return this.queries.cooperationView(cooperation).orElseThrow().earnings();
	}

	private static SampleForm sampleForm(String sku, int quantity) {
		SampleForm form = new SampleForm();
		form.setSku(sku);
		form.setQuantity(quantity);
		form.setWarehouse(Inventory.DEFAULT_WAREHOUSE);
		form.setSentOn(LocalDate.now());
		form.setNote("试用装");
		return form;
	}

	private static PayoutForm entry(PayoutKind kind, String amount, String reference, String note) {
		PayoutForm form = new PayoutForm();
		form.setKind(kind);
		form.setDate(LocalDate.now().minusDays(1));
		form.setAmount(new BigDecimal(amount));
		form.setReference(reference);
		form.setNote(note);
		return form;
	}

	private LocalDate today() {
		return LocalDate.now(this.settings.current().timeZone());
	}

	private long count(String sql, Object... params) {
		var spec = this.jdbc.sql(sql);
		for (Object param : params) {
			spec = spec.param(param);
		}
		return spec.query(Long.class).single();
	}

	private List<String> audits(String type, long id) {
		return this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = ? AND object_id = ? ORDER BY id")
			.param(type)
			.param(String.valueOf(id))
			.query(String.class)
			.list();
	}

}
