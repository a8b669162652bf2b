package io.shopops.fulfilment.order;

import io.shopops.fulfilment.order.OrderSettings.OrderRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The order settings form.
 */
class OrderSettingsForm {

	private boolean holdShortOrders;

	@NotNull(message = "{order.settings.shipSlaHours.range}")
	@Min(value = 1, message = "{order.settings.shipSlaHours.range}")
	@Max(value = 720, message = "{order.settings.shipSlaHours.range}")
	private Integer shipSlaHours;

	@NotNull(message = "{order.settings.deliverySlaDays.range}")
	@Min(value = 1, message = "{order.settings.deliverySlaDays.range}")
	@Max(value = 90, message = "{order.settings.deliverySlaDays.range}")
	private Integer deliverySlaDays;

	@NotBlank(message = "{order.settings.defaultWarehouse.required}")
	private String defaultWarehouse;

	@NotNull(message = "{order.settings.version.missing}")
	private Long version;

	OrderSettingsForm() {
	}

	OrderSettingsForm(boolean holdShortOrders, int shipSlaHours, int deliverySlaDays, String defaultWarehouse,
			long version) {
		this.holdShortOrders = holdShortOrders;
		this.shipSlaHours = shipSlaHours;
		this.deliverySlaDays = deliverySlaDays;
		this.defaultWarehouse = defaultWarehouse;
		this.version = version;
	}

	OrderRules rules() {
		return new OrderRules(this.holdShortOrders, this.shipSlaHours, this.deliverySlaDays, this.defaultWarehouse);
	}

	public boolean isHoldShortOrders() {
		return this.holdShortOrders;
	}

	public void setHoldShortOrders(boolean holdShortOrders) {
		this.holdShortOrders = holdShortOrders;
	}

	public Integer getShipSlaHours() {
		return this.shipSlaHours;
	}

	public void setShipSlaHours(Integer shipSlaHours) {
		this.shipSlaHours = shipSlaHours;
	}

	public Integer getDeliverySlaDays() {
		return this.deliverySlaDays;
	}

	public void setDeliverySlaDays(Integer deliverySlaDays) {
		this.deliverySlaDays = deliverySlaDays;
	}

	public String getDefaultWarehouse() {
		return this.defaultWarehouse;
	}

	public void setDefaultWarehouse(String defaultWarehouse) {
		this.defaultWarehouse = (defaultWarehouse != null) ? defaultWarehouse.strip() : null;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
