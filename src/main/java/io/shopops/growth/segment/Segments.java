package io.shopops.growth.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

/**
 * The saved customer segments for other growth features (coupons, outreach, lifecycle
 * rules): which segments exist, how many customers each holds and who they are, always
 * evaluated now against the customers' current figures and the last RFM scores.
 */
@Service
public class Segments {

	private final SegmentBook book;

	private final SegmentQuery query;

	Segments(SegmentBook book, SegmentQuery query) {
		this.book = book;
		this.query = query;
	}

	/**
	 * Every saved segment, by name.
	 * @return the segments
	 */
	public List<Summary> list() {
		return this.book.list().stream().map(Segments::summary).toList();
	}

	/**
	 * One saved segment.
	 * @param segmentId the segment's id
	 * @return it, empty if there is none
	 */
	public Optional<Summary> find(long segmentId) {
		return this.book.find(segmentId).map(Segments::summary);
	}

	/**
	 * How many customers the segment holds now.
	 * @param segmentId the segment's id
	 * @return the count
	 * @throws SegmentNotFoundException if there is no such segment
	 */
	public long count(long segmentId) {
		return this.query.count(this.book.get(segmentId).filter());
	}

	/**
	 * The ids of the segment's customers now, ascending.
	 * @param segmentId the segment's id
	 * @return the customer ids
	 * @throws SegmentNotFoundException if there is no such segment
	 */
	public List<Long> memberIds(long segmentId) {
		List<Long> ids = new ArrayList<>();
		forEachBatch(segmentId, ids::addAll);
		return ids;
	}

	/**
	 * Streams the segment's customer ids, ascending, in batches of at most 10,000, each
	 * read by its own short statement; for large segments.
	 * @param segmentId the segment's id
	 * @param batches receives each batch
	 * @throws SegmentNotFoundException if there is no such segment
	 */
	public void forEachBatch(long segmentId, Consumer<List<Long>> batches) {
		this.query.forEachBatch(this.book.get(segmentId).filter(), batches);
	}

	/**
	 * Whether a customer is in the segment now.
	 * @param segmentId the segment's id
	 * @param customerId the customer's id
	 * @return whether it is a member
	 * @throws SegmentNotFoundException if there is no such segment
	 */
	public boolean contains(long segmentId, long customerId) {
		return this.query.contains(this.book.get(segmentId).filter(), customerId);
	}

	/**
	 * The saved segments a customer is in now, by name: {@link #contains} for each.
	 * @param customerId the customer's id
	 * @return the segments it is a member of
	 */
	public List<Summary> containing(long customerId) {
		List<Summary> found = new ArrayList<>();
		for (SegmentBook.Saved saved : this.book.list()) {
			if (this.query.contains(saved.filter(), customerId)) {
				found.add(summary(saved));
			}
		}
		return found;
	}

	private static Summary summary(SegmentBook.Saved saved) {
		return new Summary(saved.id(), saved.name(), saved.memberCount());
	}

	/**
	 * A saved segment.
	 *
	 * @param id its id
	 * @param name its name
	 * @param lastCount its member count when last counted, {@code null} if never
	 */
	public record Summary(long id, String name, Long lastCount) {
	}

}
