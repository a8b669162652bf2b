package io.shopops.fulfilment.order;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.platform.ImportHandler.ImportField;
import io.shopops.platform.ImportHandler.ImportOption;
import io.shopops.platform.ImportHandler.ImportRefusedException;

/**
 * The sales channel an import kind asks for with the upload (channel orders, channel
 * reviews): the form's pick list of active channels, and the channel a run is for.
 */
public final class ChannelImportParameter {

	/** The name of the upload form's field and of the job's parameter. */
	public static final String NAME = "channel";

	private ChannelImportParameter() {
	}

	/**
	 * The upload form's field: every active channel, named with its code.
	 * @param channels the shop's channels
	 * @param labelKey the message key of the field's label
	 * @param helpKey the message key of its help text
	 * @return the field
	 */
	public static ImportField field(SalesChannels channels, String labelKey, String helpKey) {
		return new ImportField(NAME, labelKey, helpKey,
				channels.list()
					.stream()
					.filter(SalesChannel::active)
					.map((channel) -> new ImportOption(channel.code(), channel.name() + " (" + channel.code() + ")"))
					.toList());
	}

	/**
	 * The active channel a job's parameters name.
	 * @param channels the shop's channels
	 * @param parameters the job's parameters
	 * @param missingKey the problem key when no channel is given
	 * @param unknownKey the problem key (argument: the code) when it is unknown or
	 * inactive
	 * @return the channel
	 * @throws ImportRefusedException when the channel is missing, unknown or inactive
	 */
	public static SalesChannel resolve(SalesChannels channels, Map<String, String> parameters, String missingKey,
			String unknownKey) {
		String code = parameters.get(NAME);
		if (code == null || code.isBlank()) {
			throw new ImportRefusedException(missingKey, List.of());
		}
		return channels.find(code.strip())
			.filter(SalesChannel::active)
			.orElseThrow(() -> new ImportRefusedException(unknownKey, List.of(code.strip().toUpperCase(Locale.ROOT))));
	}

}
