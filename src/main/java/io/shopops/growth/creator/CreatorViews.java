package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.shopops.growth.content.ContentPlatform;
import io.shopops.growth.creator.CreatorMath.Earnings;
import io.shopops.growth.creator.CreatorMath.Terms;

/**
 * What the creator pages show.
 */
final class CreatorViews {

	private CreatorViews() {
	}

	/**
	 * A creator as stored; the contact unmasked (the controller masks it per role).
	 */
	record Creator(long id, ContentPlatform platform, String handle, String displayName, long followers,
			String category, String contact, String notes, boolean archived, long version) {

		public String label() {
			return (this.displayName != null) ? this.displayName + " (@" + this.handle + ")" : "@" + this.handle;
		}

		Creator withContact(String contact) {
			return new Creator(this.id, this.platform, this.handle, this.displayName, this.followers, this.category,
					contact, this.notes, this.archived, this.version);
		}

	}

	/**
	 * A line of the creator list: the creator, how many cooperations, what they earned
	 * all-time and the ledger's balance.
	 */
	record CreatorRow(Creator creator, long cooperations, Earnings earnings, BigDecimal balance) {
	}

	/**
	 * A cooperation record as stored.
	 */
	record Cooperation(long id, long creatorId, String title, CooperationType type, CooperationStatus status,
			LocalDate startsOn, LocalDate endsOn, BigDecimal fixedFee, BigDecimal commissionRate, String trackingCode,
			String notes, long version) {

		Terms terms() {
			return new Terms(this.type, this.status, this.fixedFee, this.commissionRate);
		}

	}

	/**
	 * A cooperation with what it earned and cost, and how many pieces and samples it has.
	 */
	record CooperationLine(Cooperation cooperation, Earnings earnings, long pieces, long samples) {
	}

	/**
	 * A creator's page: the creator, its cooperations with their figures, the totals and
	 * the payout ledger.
	 */
	record CreatorView(Creator creator, List<CooperationLine> cooperations, Earnings total, List<LedgerLine> ledger,
			BigDecimal balance) {
	}

	/**
	 * A line of the payout ledger: what is owed (a cooperation's fee, its commission to
	 * date) adds, a payout takes off, an adjustment adds its signed amount; the balance
	 * is their sum.
	 *
	 * @param date when
	 * @param kind {@code FEE}, {@code COMMISSION}, {@code PAYOUT} or {@code ADJUSTMENT}
	 * @param what the cooperation's title, or the payout's reference
	 * @param note the note or reason
	 * @param amount the signed effect on the balance
	 * @param actor who recorded a payout or adjustment, {@code null} for what is owed
	 * @param balance the balance after this line
	 */
	record LedgerLine(LocalDate date, String kind, String what, String note, BigDecimal amount, String actor,
			BigDecimal balance) {
	}

	/**
	 * A content piece linked to a cooperation.
	 */
	record Piece(long id, String title, ContentPlatform platform, String trackingCode) {
	}

	/**
	 * A sample sent.
	 */
	record Sample(long id, String sku, String warehouse, int quantity, BigDecimal unitCost, LocalDate sentOn,
			String note, String actor) {

		public BigDecimal cost() {
			return (this.unitCost != null) ? CreatorMath.sampleCost(this.quantity, this.unitCost) : null;
		}

	}

	/**
	 * An order attributed to a cooperation, by its tracking code ({@code CODE}) or one of
	 * its pieces ({@code PIECE}).
	 */
	record AttributedOrder(long orderId, String number, LocalDate payDay, BigDecimal paid, BigDecimal refunded,
			String via) {
	}

	/**
	 * A cooperation's page.
	 */
	record CooperationView(Cooperation cooperation, Creator creator, List<Piece> pieces, List<Sample> samples,
			Earnings earnings, long unknownCosts, List<AttributedOrder> orders) {
	}

	/**
	 * A line of the leaderboard over a range.
	 */
	record LeaderRow(Creator creator, Earnings earnings) {
	}

	/**
	 * A page of the creator list.
	 */
	record PageOf<T>(List<T> items, int page, int pages, long total) {

		public Integer previous() {
			return (this.page > 1) ? this.page - 1 : null;
		}

		public Integer next() {
			return (this.page < this.pages) ? this.page + 1 : null;
		}

	}

}
