package io.shopops.fulfilment.order.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The manual order form. Numbers are kept as typed and read by the controller, so that a
 * value that is not a number shows a message at its field instead of a conversion error.
 */
class ManualOrderForm {

	static final int MAX_LINES = 100;

	static final int EMPTY_LINES = 3;

	private String channel;

	private String number;

	private String status = "PAID";

	private String customerName;

	private String customerPhone;

	private String customerEmail;

	private String buyerId;

	private String shipName;

	private String shipPhone;

	private String shipProvince;

	private String shipCity;

	private String shipDistrict;

	private String shipLine1;

	private String shipPostcode;

	private String shippingFee;

	private String note;

	private List<LineForm> lines = new ArrayList<>();

	static ManualOrderForm empty() {
		ManualOrderForm form = new ManualOrderForm();
		for (int i = 0; i < EMPTY_LINES; i++) {
			form.lines.add(new LineForm());
		}
		return form;
	}

	public String getChannel() {
		return this.channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getNumber() {
		return this.number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public String getCustomerName() {
		return this.customerName;
	}

	public void setCustomerName(String customerName) {
		this.customerName = customerName;
	}

	public String getCustomerPhone() {
		return this.customerPhone;
	}

	public void setCustomerPhone(String customerPhone) {
		this.customerPhone = customerPhone;
	}

	public String getCustomerEmail() {
		return this.customerEmail;
	}

	public void setCustomerEmail(String customerEmail) {
		this.customerEmail = customerEmail;
	}

	public String getBuyerId() {
		return this.buyerId;
	}

	public void setBuyerId(String buyerId) {
		this.buyerId = buyerId;
	}

	public String getShipName() {
		return this.shipName;
	}

	public void setShipName(String shipName) {
		this.shipName = shipName;
	}

	public String getShipPhone() {
		return this.shipPhone;
	}

	public void setShipPhone(String shipPhone) {
		this.shipPhone = shipPhone;
	}

	public String getShipProvince() {
		return this.shipProvince;
	}

	public void setShipProvince(String shipProvince) {
		this.shipProvince = shipProvince;
	}

	public String getShipCity() {
		return this.shipCity;
	}

	public void setShipCity(String shipCity) {
		this.shipCity = shipCity;
	}

	public String getShipDistrict() {
		return this.shipDistrict;
	}

	public void setShipDistrict(String shipDistrict) {
		this.shipDistrict = shipDistrict;
	}

	public String getShipLine1() {
		return this.shipLine1;
	}

	public void setShipLine1(String shipLine1) {
		this.shipLine1 = shipLine1;
	}

	public String getShipPostcode() {
		return this.shipPostcode;
	}

	public void setShipPostcode(String shipPostcode) {
		this.shipPostcode = shipPostcode;
	}

	public String getShippingFee() {
		return this.shippingFee;
	}

	public void setShippingFee(String shippingFee) {
		this.shippingFee = shippingFee;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public List<LineForm> getLines() {
		return this.lines;
	}

	public void setLines(List<LineForm> lines) {
		this.lines = lines;
	}

	/**
	 * One line: SKU, quantity, unit price and the discount on the whole line.
	 */
	public static class LineForm {

		private String sku;

		private String quantity;

		private String unitPrice;

		private String discount;

		public String getSku() {
			return this.sku;
		}

		public void setSku(String sku) {
			this.sku = sku;
		}

		public String getQuantity() {
			return this.quantity;
		}

		public void setQuantity(String quantity) {
			this.quantity = quantity;
		}

		public String getUnitPrice() {
			return this.unitPrice;
		}

		public void setUnitPrice(String unitPrice) {
			this.unitPrice = unitPrice;
		}

		public String getDiscount() {
			return this.discount;
		}

		public void setDiscount(String discount) {
			this.discount = discount;
		}

		boolean isBlank() {
			return blank(this.sku) && blank(this.quantity) && blank(this.unitPrice) && blank(this.discount);
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

	}

}
