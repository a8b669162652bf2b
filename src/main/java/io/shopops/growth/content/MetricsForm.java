package io.shopops.growth.content;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * One day's numbers of a piece, entered on its page; entering a day again replaces it.
 */
class MetricsForm {

	@NotNull(message = "{content.metrics.form.date.required}")
	private LocalDate date = LocalDate.now();

	@Min(value = 0, message = "{content.metrics.form.range}")
	@Max(value = 100_000_000_000L, message = "{content.metrics.form.range}")
	private long views;

	@Min(value = 0, message = "{content.metrics.form.range}")
	@Max(value = 100_000_000_000L, message = "{content.metrics.form.range}")
	private long likes;

	@Min(value = 0, message = "{content.metrics.form.range}")
	@Max(value = 100_000_000_000L, message = "{content.metrics.form.range}")
	private long comments;

	@Min(value = 0, message = "{content.metrics.form.range}")
	@Max(value = 100_000_000_000L, message = "{content.metrics.form.range}")
	private long shares;

	@Min(value = 0, message = "{content.metrics.form.range}")
	@Max(value = 100_000_000_000L, message = "{content.metrics.form.range}")
	private long clicks;

	public LocalDate getDate() {
		return this.date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public long getViews() {
		return this.views;
	}

	public void setViews(long views) {
		this.views = views;
	}

	public long getLikes() {
		return this.likes;
	}

	public void setLikes(long likes) {
		this.likes = likes;
	}

	public long getComments() {
		return this.comments;
	}

	public void setComments(long comments) {
		this.comments = comments;
	}

	public long getShares() {
		return this.shares;
	}

	public void setShares(long shares) {
		this.shares = shares;
	}

	public long getClicks() {
		return this.clicks;
	}

	public void setClicks(long clicks) {
		this.clicks = clicks;
	}

	Metrics toMetrics() {
		return new Metrics(this.views, this.likes, this.comments, this.shares, this.clicks);
	}

}
