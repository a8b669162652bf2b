package io.shopops.fulfilment.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sales channels, kept in {@code sales_channel}. Every order placed looks its channel
 * up, so channels are remembered by code once read; a channel is only ever added, never
 * changed, so the memory cannot go stale.
 */
@Service
class JdbcSalesChannels implements SalesChannels {

	static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

	static final int MAX_NAME = 120;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Map<String, SalesChannel> byCode = new ConcurrentHashMap<>();

	JdbcSalesChannels(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Override
	@Transactional
	public SalesChannel create(String code, String name, SalesPlatform platform) {
		String normalCode = (code != null) ? code.strip().toUpperCase(Locale.ROOT) : "";
		String normalName = (name != null) ? name.strip() : "";
		List<Problem> problems = new ArrayList<>();
		if (!CODE.matcher(normalCode).matches()) {
			problems.add(new Problem("code", "order.channel.code.format", List.of()));
		}
		if (normalName.isEmpty()) {
			problems.add(new Problem("name", "order.channel.name.required", List.of()));
		}
		else if (normalName.length() > MAX_NAME) {
			problems.add(new Problem("name", "order.channel.name.size", List.of(MAX_NAME)));
		}
		if (platform == null) {
			problems.add(new Problem("platform", "order.channel.platform.required", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new OrderInvalidException(problems);
		}
		Optional<Long> id = this.jdbc.sql("""
				INSERT INTO sales_channel (code, name, platform) VALUES (:code, :name, :platform)
				ON CONFLICT (code) DO NOTHING RETURNING id""")
			.param("code", normalCode)
			.param("name", normalName)
			.param("platform", platform.name())
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			throw new ChannelCodeTakenException(normalCode);
		}
		this.auditLog.record("CHANNEL_CREATED", "channel", normalCode, normalName + " (" + platform.name() + ")");
		return new SalesChannel(id.get(), normalCode, normalName, platform, true);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SalesChannel> list() {
		return this.jdbc.sql("SELECT id, code, name, platform, active FROM sales_channel ORDER BY active DESC, code")
			.query((rs, n) -> new SalesChannel(rs.getLong(1), rs.getString(2), rs.getString(3),
					SalesPlatform.valueOf(rs.getString(4)), rs.getBoolean(5)))
			.list();
	}

	@Override
	public Optional<SalesChannel> find(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		String key = code.strip().toUpperCase(Locale.ROOT);
		SalesChannel known = this.byCode.get(key);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<SalesChannel> found = this.jdbc
			.sql("SELECT id, code, name, platform, active FROM sales_channel WHERE code = :code")
			.param("code", key)
			.query((rs, n) -> new SalesChannel(rs.getLong(1), rs.getString(2), rs.getString(3),
					SalesPlatform.valueOf(rs.getString(4)), rs.getBoolean(5)))
			.optional();
		found.ifPresent((channel) -> remember(key, channel));
		return found;
	}

	/**
	 * Remembers a channel read inside a transaction only once that transaction commits: a
	 * channel created in a transaction that rolls back must not be remembered.
	 */
	private void remember(String key, SalesChannel channel) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.byCode.put(key, channel);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				JdbcSalesChannels.this.byCode.put(key, channel);
			}

		});
	}

}
