package io.shopops.fulfilment.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new warehouse: an upper-case code (letters, digits, {@code _} and {@code -}) and a
 * name.
 */
class WarehouseForm {

	@Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "{warehouse.code.format}")
	private String code = "";

	@NotBlank(message = "{warehouse.name.required}")
	@Size(max = 120, message = "{warehouse.name.size}")
	private String name = "";

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = (code != null) ? code.strip() : "";
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = (name != null) ? name.strip() : "";
	}

}
