package io.shopops.growth.traffic;

/**
 * The SEO keyword form: the keyword, its target (a page URL or a product's SKU), its
 * monthly search volume and notes.
 */
class SeoKeywordForm {

	private String keyword;

	private String targetUrl;

	private String sku;

	private String searchVolume;

	private String notes;

	static SeoKeywordForm of(SeoKeyword keyword) {
		SeoKeywordForm form = new SeoKeywordForm();
		form.setKeyword(keyword.keyword());
		form.setTargetUrl(keyword.targetUrl());
		form.setSku(keyword.targetSku());
		form.setSearchVolume((keyword.searchVolume() != null) ? String.valueOf(keyword.searchVolume()) : null);
		form.setNotes(keyword.notes());
		return form;
	}

	public String getKeyword() {
		return this.keyword;
	}

	public void setKeyword(String keyword) {
		this.keyword = keyword;
	}

	public String getTargetUrl() {
		return this.targetUrl;
	}

	public void setTargetUrl(String targetUrl) {
		this.targetUrl = targetUrl;
	}

	public String getSku() {
		return this.sku;
	}

	public void setSku(String sku) {
		this.sku = sku;
	}

	public String getSearchVolume() {
		return this.searchVolume;
	}

	public void setSearchVolume(String searchVolume) {
		this.searchVolume = searchVolume;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

}
