package io.shopops.growth.content;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The records the content pages show.
 */
final class ContentViews {

	private ContentViews() {
	}

	/**
	 * A piece in a list or on the calendar.
	 */
	record PieceRow(long id, ContentType type, ContentPlatform platform, String title, String owner,
			ContentStatus status, Instant publishAt, String trackingCode) {
	}

	/**
	 * A piece with everything its page shows.
	 */
	record PieceView(PieceRow piece, String notes, long version, List<ProductLink> products, Metrics totals,
			List<DayMetrics> days, Attribution attribution, List<AttributedOrder> orders, List<SessionRow> sessions) {

		public List<ContentStatus> next() {
			return List.copyOf(this.piece.status().next());
		}

	}

	/**
	 * A linked or featured SKU; {@code productId} is {@code null} when the catalog no
	 * longer has it.
	 */
	record ProductLink(String sku, Long productId, String title) {
	}

	/**
	 * One day's numbers of a piece.
	 */
	record DayMetrics(LocalDate date, Metrics metrics) {
	}

	/**
	 * Orders attributed to a piece or session: paid and not cancelled; {@code net} is
	 * paid minus refunded.
	 */
	record Attribution(long orders, BigDecimal gmv, BigDecimal refunded, BigDecimal net) {

		static final Attribution NONE = new Attribution(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

	}

	/**
	 * One order that carries a piece's code.
	 */
	record AttributedOrder(long orderId, String number, String channelCode, BigDecimal paid, BigDecimal refunded,
			Instant paidAt, boolean cancelled) {

		public boolean counted() {
			return this.paidAt != null && !this.cancelled;
		}

	}

	/**
	 * A livestream session with its attributed orders.
	 */
	record SessionRow(long id, long pieceId, String pieceTitle, String trackingCode, Instant startsAt, Instant endsAt,
			String host, Integer peakViewers, Integer totalViewers, Attribution attribution) {

		public long durationMinutes() {
			return Duration.between(this.startsAt, this.endsAt).toMinutes();
		}

	}

	/**
	 * A session with its page's details.
	 */
	record SessionView(SessionRow session, String notes, long version, List<ProductLink> products,
			List<AttributedOrder> orders) {
	}

	/**
	 * A row of the leaderboard.
	 */
	record LeaderRow(int rank, PieceRow piece, long views, long engagement, long clicks, Attribution attribution) {
	}

	/**
	 * A page of rows.
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
