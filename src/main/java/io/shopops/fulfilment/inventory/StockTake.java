package io.shopops.fulfilment.inventory;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stock-take with the counts of its rows.
 *
 * @param id the id
 * @param fileName the uploaded file's name
 * @param status previewed, applied or discarded
 * @param createdBy who uploaded it
 * @param createdAt when
 * @param previewedAt when on hand was last read for the preview
 * @param decidedBy who applied or discarded it, or {@code null}
 * @param decidedAt when, or {@code null}
 * @param rows the rows read
 * @param changes the rows whose count differs from on hand at the preview
 * @param problems the rows with a problem
 */
record StockTake(long id, String fileName, Status status, String createdBy, OffsetDateTime createdAt,
		OffsetDateTime previewedAt, String decidedBy, OffsetDateTime decidedAt, long rows, long changes,
		long problems) {

	public long unchanged() {
		return this.rows - this.changes - this.problems;
	}

	public boolean isApplicable() {
		return this.status == Status.PREVIEWED && this.problems == 0 && this.rows > 0;
	}

	/**
	 * Where a stock-take stands.
	 */
	enum Status {

		PREVIEWED, APPLIED, DISCARDED

	}

	/**
	 * One row of the preview: the count against on hand at the preview, or a problem.
	 */
	record Line(long row, String sku, String warehouse, Integer counted, Integer onHand, Integer reserved,
			String problem, List<String> args) {

		public Integer difference() {
			return (this.counted != null && this.problem == null) ? this.counted - onHandOrZero() : null;
		}

		public int onHandOrZero() {
			return (this.onHand != null) ? this.onHand : 0;
		}

		public Object[] problemArgs() {
			return this.args.toArray();
		}

	}

}
