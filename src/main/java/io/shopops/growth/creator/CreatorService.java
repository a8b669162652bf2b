package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.SkuFacts;
import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockItemNotFoundException;
import io.shopops.fulfilment.inventory.StockLevel;
import io.shopops.fulfilment.inventory.StockReference;
import io.shopops.growth.TrackingCodeRegistry;
import io.shopops.growth.TrackingCodeRegistry.Owner;
import io.shopops.growth.TrackingCodes;
import io.shopops.growth.creator.CreatorViews.Cooperation;
import io.shopops.growth.creator.CreatorViews.Creator;
import io.shopops.platform.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes of creators: creators, cooperation records with their pieces, samples
 * (taken from stock through {@link Inventory} in the same transaction, so that a sample
 * that cannot leave the stock is not recorded), and the entries of the payout ledger.
 * Each change is one transaction with its audit entry.
 */
@Service
class CreatorService {

	static final int MAX_PIECES = 50;

	static final BigDecimal MAX_MONEY = new BigDecimal("99999999.99");

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final TrackingCodeRegistry codes;

	private final Inventory inventory;

	private final ProductCatalog catalog;

	private final CreatorQueries queries;

	CreatorService(JdbcClient jdbc, AuditLog auditLog, TrackingCodeRegistry codes, Inventory inventory,
			ProductCatalog catalog, CreatorQueries queries) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.codes = codes;
		this.inventory = inventory;
		this.catalog = catalog;
		this.queries = queries;
	}

	@Transactional
	long createCreator(CreatorForm form) {
		String handle = handle(form.getHandle());
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO creator (platform, handle, display_name, followers, category, contact, notes)
					VALUES (:platform, :handle, :name, :followers, :category, :contact, :notes) RETURNING id""")
				.param("platform", form.getPlatform().name())
				.param("handle", handle)
				.param("name", blankToNull(form.getDisplayName()))
				.param("followers", (form.getFollowers() != null) ? form.getFollowers() : 0L)
				.param("category", blankToNull(form.getCategory()))
				.param("contact", blankToNull(form.getContact()))
				.param("notes", blankToNull(form.getNotes()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new CreatorFormException("handle", "creator.form.handle.taken", handle);
		}
		this.auditLog.record("CREATOR_CREATED", "creator", Long.toString(id),
				"platform=" + form.getPlatform() + " handle=" + shorten(handle));
		return id;
	}

	/**
	 * Saves a creator's form. Without the full contact (operators see it masked), a
	 * contact sent back as shown keeps the stored one.
	 */
	@Transactional
	void updateCreator(long id, CreatorForm form, boolean fullContact) {
		Creator current = this.jdbc.sql("SELECT id FROM creator WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.flatMap(this.queries::creator)
			.orElseThrow(() -> new CreatorNotFoundException("creator", id));
		if (current.version() != form.getVersion()) {
			throw new OptimisticLockingFailureException("creator " + id + " changed");
		}
		String handle = handle(form.getHandle());
		String contact = blankToNull(form.getContact());
		if (!fullContact && contact != null && contact.equals(CreatorContacts.mask(current.contact()))) {
			contact = current.contact();
		}
		try {
			this.jdbc.sql("""
					UPDATE creator SET platform = :platform, handle = :handle, display_name = :name,
					    followers = :followers, category = :category, contact = :contact, notes = :notes,
					    updated_at = now(), version = version + 1
					WHERE id = :id""")
				.param("platform", form.getPlatform().name())
				.param("handle", handle)
				.param("name", blankToNull(form.getDisplayName()))
				.param("followers", (form.getFollowers() != null) ? form.getFollowers() : 0L)
				.param("category", blankToNull(form.getCategory()))
				.param("contact", contact)
				.param("notes", blankToNull(form.getNotes()))
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new CreatorFormException("handle", "creator.form.handle.taken", handle);
		}
		StringBuilder summary = new StringBuilder("handle=").append(shorten(handle));
		if (current.followers() != ((form.getFollowers() != null) ? form.getFollowers() : 0L)) {
			summary.append(" followers=").append(current.followers()).append("→").append(form.getFollowers());
		}
		if (!Objects.equals(current.contact(), contact)) {
			summary.append(" contact changed");
		}
		this.auditLog.record("CREATOR_UPDATED", "creator", Long.toString(id), summary.toString());
	}

	/**
	 * Archives a creator or brings one back; its cooperations, samples and ledger stay.
	 * @return {@code false} if the creator already was in that state
	 */
	@Transactional
	boolean archive(long id, boolean archived) {
		if (this.queries.creator(id).isEmpty()) {
			throw new CreatorNotFoundException("creator", id);
		}
		int changed = this.jdbc.sql("""
				UPDATE creator SET archived = :archived, updated_at = now(), version = version + 1
				WHERE id = :id AND archived <> :archived""").param("archived", archived).param("id", id).update();
		if (changed == 0) {
			return false;
		}
		if (archived) {
			this.auditLog.record("CREATOR_ARCHIVED", "creator", Long.toString(id), "");
		}
		else {
			this.auditLog.record("CREATOR_RESTORED", "creator", Long.toString(id), "");
		}
		return true;
	}

	@Transactional
	long createCooperation(long creatorId, CooperationForm form) {
		if (this.queries.creator(creatorId).isEmpty()) {
			throw new CreatorNotFoundException("creator", creatorId);
		}
		checkTerms(form);
		String code = TrackingCodes.normalize(form.getTrackingCode());
		if (code == null) {
			code = this.codes.freeCode('K');
		}
		else {
			checkCode(code, null);
		}
		List<Long> pieces = pieces(form.getPieces(), null);
		long id = this.jdbc.sql("""
				INSERT INTO creator_cooperation (creator_id, title, type, status, starts_on, ends_on, fixed_fee,
				    commission_rate, tracking_code, notes)
				VALUES (:creator, :title, :type, :status, :starts, :ends, :fee, :rate, :code, :notes) RETURNING id""")
			.param("creator", creatorId)
			.param("title", form.getTitle().strip())
			.param("type", form.getType().name())
			.param("status", form.getStatus().name())
			.param("starts", form.getStartsOn())
			.param("ends", form.getEndsOn())
			.param("fee", money(form.getFixedFee()))
			.param("rate", money(form.getCommissionRate()))
			.param("code", code)
			.param("notes", blankToNull(form.getNotes()))
			.query(Long.class)
			.single();
		link(id, pieces);
		this.auditLog.record("COOPERATION_CREATED", "cooperation", Long.toString(id),
				"creator=" + creatorId + " " + terms(form, code) + " pieces=" + pieces.size());
		return id;
	}

	@Transactional
	void updateCooperation(long id, CooperationForm form) {
		Cooperation current = this.jdbc.sql("SELECT id FROM creator_cooperation WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.flatMap(this.queries::cooperation)
			.orElseThrow(() -> new CreatorNotFoundException("cooperation", id));
		if (current.version() != form.getVersion()) {
			throw new OptimisticLockingFailureException("cooperation " + id + " changed");
		}
		checkTerms(form);
		String code = TrackingCodes.normalize(form.getTrackingCode());
		if (code == null) {
			throw new CreatorFormException("trackingCode", "creator.cooperation.form.trackingCode.required");
		}
		checkCode(code, id);
		List<Long> pieces = pieces(form.getPieces(), id);
		this.jdbc.sql("""
				UPDATE creator_cooperation SET title = :title, type = :type, status = :status, starts_on = :starts,
				    ends_on = :ends, fixed_fee = :fee, commission_rate = :rate, tracking_code = :code, notes = :notes,
				    updated_at = now(), version = version + 1
				WHERE id = :id""")
			.param("title", form.getTitle().strip())
			.param("type", form.getType().name())
			.param("status", form.getStatus().name())
			.param("starts", form.getStartsOn())
			.param("ends", form.getEndsOn())
			.param("fee", money(form.getFixedFee()))
			.param("rate", money(form.getCommissionRate()))
			.param("code", code)
			.param("notes", blankToNull(form.getNotes()))
			.param("id", id)
			.update();
		this.jdbc.sql("DELETE FROM creator_cooperation_piece WHERE cooperation_id = :id").param("id", id).update();
		link(id, pieces);
		String summary = terms(form, code) + " pieces=" + pieces.size();
		if (current.status() != form.getStatus()) {
			summary += " status=" + current.status() + "→" + form.getStatus();
		}
		this.auditLog.record("COOPERATION_UPDATED", "cooperation", Long.toString(id), summary);
	}

	/**
	 * Sends a sample: records it with the SKU's cost price and takes the units from the
	 * warehouse's available stock with a {@code SAMPLE} movement referencing it. When the
	 * stock cannot give them, nothing is recorded.
	 * @return the sample's id
	 */
	@Transactional
	long sendSample(long cooperationId, SampleForm form, LocalDate today) {
		Cooperation cooperation = this.queries.cooperation(cooperationId)
			.orElseThrow(() -> new CreatorNotFoundException("cooperation", cooperationId));
		if (cooperation.status() == CooperationStatus.CANCELLED) {
			throw new CreatorFormException("sku", "creator.sample.form.cancelled");
		}
		if (form.getSentOn().isAfter(today)) {
			throw new CreatorFormException("sentOn", "creator.sample.form.sentOn.future");
		}
		String sku = form.getSku().strip();
		List<SkuFacts> facts = this.catalog.skuFacts(List.of(sku));
		if (facts.isEmpty()) {
			throw new CreatorFormException("sku", "creator.sample.form.sku.unknown", sku);
		}
		String warehouse = form.getWarehouse().strip();
		if (!this.inventory.activeWarehouses().contains(warehouse)) {
			throw new CreatorFormException("warehouse", "creator.sample.form.warehouse.unknown", warehouse);
		}
		BigDecimal unitCost = facts.get(0).cost();
		String note = blankToNull(form.getNote());
		long id = this.jdbc.sql("""
				INSERT INTO creator_sample (cooperation_id, sku, warehouse, quantity, unit_cost, sent_on, note, actor)
				VALUES (:cooperation, :sku, :warehouse, :quantity, :cost, :sentOn, :note, :actor) RETURNING id""")
			.param("cooperation", cooperationId)
			.param("sku", sku)
			.param("warehouse", warehouse)
			.param("quantity", form.getQuantity())
			.param("cost", (unitCost != null) ? money(unitCost) : null)
			.param("sentOn", form.getSentOn())
			.param("note", note)
			.param("actor", actor())
			.query(Long.class)
			.single();
		StockLevel after;
		try {
			after = this.inventory.sendSample(sku, warehouse, form.getQuantity(),
					new StockReference("creator_sample", Long.toString(id)),
					"creator sample, cooperation " + cooperationId);
		}
		catch (InsufficientStockException ex) {
			int available = this.inventory.find(sku, warehouse).map((s) -> s.onHand() - s.reserved()).orElse(0);
			throw new CreatorFormException("quantity", "creator.sample.form.quantity.insufficient", sku, warehouse,
					available);
		}
		catch (StockItemNotFoundException ex) {
			throw new CreatorFormException("warehouse", "creator.sample.form.warehouse.noStock", sku, warehouse);
		}
		this.auditLog.record("COOPERATION_SAMPLE_SENT", "cooperation", Long.toString(cooperationId),
				"sample=" + id + " sku=" + sku + " warehouse=" + warehouse + " quantity=" + form.getQuantity()
						+ " on hand now=" + after.onHand() + ((unitCost != null)
								? " cost=" + CreatorMath.sampleCost(form.getQuantity(), unitCost) : " cost unknown"));
		return id;
	}

	/**
	 * Appends a payout or an adjustment to a creator's ledger. The creator is locked
	 * while its balance is checked, so that two payouts cannot both spend it.
	 * @return the entry's id
	 */
	@Transactional
	long recordEntry(long creatorId, PayoutForm form, LocalDate today) {
		boolean exists = this.jdbc.sql("SELECT id FROM creator WHERE id = :id FOR UPDATE")
			.param("id", creatorId)
			.query(Long.class)
			.optional()
			.isPresent();
		if (!exists) {
			throw new CreatorNotFoundException("creator", creatorId);
		}
		if (form.getDate().isAfter(today)) {
			throw new CreatorFormException("date", "creator.payout.form.date.future");
		}
		BigDecimal amount = money(form.getAmount());
		String note = blankToNull(form.getNote());
		String reference = blankToNull(form.getReference());
		if (form.getKind() == PayoutKind.PAYOUT) {
			if (amount.signum() <= 0) {
				throw new CreatorFormException("amount", "creator.payout.form.amount.positive");
			}
			BigDecimal balance = this.queries.balance(creatorId);
			if (amount.compareTo(balance) > 0) {
				throw new CreatorFormException("amount", "creator.payout.form.amount.aboveBalance",
						balance.toPlainString());
			}
		}
		else {
			if (amount.signum() == 0) {
				throw new CreatorFormException("amount", "creator.payout.form.amount.zero");
			}
			if (note == null) {
				throw new CreatorFormException("note", "creator.payout.form.reason.required");
			}
		}
		long id = this.jdbc.sql("""
				INSERT INTO creator_payout (creator_id, kind, entry_date, amount, reference, note, actor)
				VALUES (:creator, :kind, :date, :amount, :reference, :note, :actor) RETURNING id""")
			.param("creator", creatorId)
			.param("kind", form.getKind().name())
			.param("date", form.getDate())
			.param("amount", amount)
			.param("reference", reference)
			.param("note", note)
			.param("actor", actor())
			.query(Long.class)
			.single();
		String detail = "entry=" + id + " date=" + form.getDate() + " amount=" + amount.toPlainString()
				+ ((reference != null) ? " reference=" + shorten(reference) : "")
				+ ((note != null) ? " note=" + shorten(note) : "");
		if (form.getKind() == PayoutKind.PAYOUT) {
			this.auditLog.record("CREATOR_PAYOUT_RECORDED", "creator", Long.toString(creatorId), detail);
		}
		else {
			this.auditLog.record("CREATOR_ADJUSTMENT_RECORDED", "creator", Long.toString(creatorId), detail);
		}
		return id;
	}

	private void checkTerms(CooperationForm form) {
		if (form.getEndsOn() != null && form.getEndsOn().isBefore(form.getStartsOn())) {
			throw new CreatorFormException("endsOn", "creator.cooperation.form.endsOn.beforeStart");
		}
		BigDecimal fee = money(form.getFixedFee());
		BigDecimal rate = money(form.getCommissionRate());
		CooperationType type = form.getType();
		if (type.paysFee() && fee.signum() <= 0) {
			throw new CreatorFormException("fixedFee", "creator.cooperation.form.fixedFee.required");
		}
		if (!type.paysFee() && fee.signum() != 0) {
			throw new CreatorFormException("fixedFee", "creator.cooperation.form.fixedFee.notForType");
		}
		if (type.paysCommission() && rate.signum() <= 0) {
			throw new CreatorFormException("commissionRate", "creator.cooperation.form.commissionRate.required");
		}
		if (!type.paysCommission() && rate.signum() != 0) {
			throw new CreatorFormException("commissionRate", "creator.cooperation.form.commissionRate.notForType");
		}
	}

	private void checkCode(String code, Long self) {
		if (!TrackingCodes.isValid(code)) {
			throw new CreatorFormException("trackingCode", "creator.cooperation.form.trackingCode.format");
		}
		if (this.codes.isTaken(code, Owner.CREATOR_COOPERATION, self)) {
			throw new CreatorFormException("trackingCode", "creator.cooperation.form.trackingCode.taken", code);
		}
	}

	/**
	 * The pieces named by their tracking codes (comma or space separated), each known and
	 * linked to no other cooperation.
	 */
	private List<Long> pieces(String text, Long self) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String part : text.split("[,，;；\\s]+")) {
			String code = TrackingCodes.normalize(part);
			if (code != null) {
				codes.add(code);
			}
		}
		if (codes.size() > MAX_PIECES) {
			throw new CreatorFormException("pieces", "creator.cooperation.form.pieces.tooMany", MAX_PIECES);
		}
		List<Long> ids = new ArrayList<>();
		for (String code : codes) {
			Long piece = this.jdbc.sql("SELECT id FROM content_piece WHERE tracking_code = :code")
				.param("code", code)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new CreatorFormException("pieces", "creator.cooperation.form.pieces.unknown", code));
			boolean taken = this.jdbc.sql("""
					SELECT count(*) FROM creator_cooperation_piece
					WHERE piece_id = :piece AND cooperation_id IS DISTINCT FROM :self""")
				.param("piece", piece)
				.param("self", self)
				.query(Long.class)
				.single() > 0;
			if (taken) {
				throw new CreatorFormException("pieces", "creator.cooperation.form.pieces.taken", code);
			}
			ids.add(piece);
		}
		return ids;
	}

	private void link(long cooperationId, List<Long> pieces) {
		for (long piece : pieces) {
			this.jdbc.sql("INSERT INTO creator_cooperation_piece (cooperation_id, piece_id) VALUES (:id, :piece)")
				.param("id", cooperationId)
				.param("piece", piece)
				.update();
		}
	}

	private static String terms(CooperationForm form, String code) {
		return "type=" + form.getType() + " status=" + form.getStatus() + " code=" + code + " from="
				+ form.getStartsOn() + ((form.getEndsOn() != null) ? " to=" + form.getEndsOn() : "") + " fee="
				+ money(form.getFixedFee()).toPlainString() + " rate=" + money(form.getCommissionRate()).toPlainString()
				+ "%";
	}

	private static String handle(String raw) {
		String handle = raw.strip();
		handle = handle.startsWith("@") ? handle.substring(1).strip() : handle;
		if (handle.isEmpty()) {
			throw new CreatorFormException("handle", "creator.form.handle.required");
		}
		return handle;
	}

	private static BigDecimal money(BigDecimal value) {
		return CreatorMath.money(value);
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String shorten(String text) {
		return (text.length() > 60) ? text.substring(0, 60) + "…" : text;
	}

	static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "system";
		}
		String name = authentication.getName();
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

}
