package io.shopops.fulfilment.order.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The ship form of the order page: a quantity per order line (0 leaves it for later),
 * with the parcel's carrier and tracking number.
 */
class ShipForm {

	static final int MAX_LINES = 500;

	private String carrier;

	private String trackingNumber;

	private List<LineQuantity> lines = new ArrayList<>();

	public String getCarrier() {
		return this.carrier;
	}

	public void setCarrier(String carrier) {
		this.carrier = carrier;
	}

	public String getTrackingNumber() {
		return this.trackingNumber;
	}

	public void setTrackingNumber(String trackingNumber) {
		this.trackingNumber = trackingNumber;
	}

	public List<LineQuantity> getLines() {
		return this.lines;
	}

	public void setLines(List<LineQuantity> lines) {
		this.lines = lines;
	}

	/**
	 * Units of one line to ship now.
	 */
	public static class LineQuantity {

		private Long lineId;

		private Integer quantity;

		public Long getLineId() {
			return this.lineId;
		}

		public void setLineId(Long lineId) {
			this.lineId = lineId;
		}

		public Integer getQuantity() {
			return this.quantity;
		}

		public void setQuantity(Integer quantity) {
			this.quantity = quantity;
		}

	}

}
