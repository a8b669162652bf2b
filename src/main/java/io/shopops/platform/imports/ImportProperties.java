package io.shopops.platform.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and storage of import files.
 *
 * @param maxFileSize larger uploads are refused and not stored (default 50MB)
 * @param maxRows files with more data records are refused (default 250,000)
 * @param directory where uploaded files are kept for their job (default
 * {@code <data dir>/imports})
 */
@ConfigurationProperties("shopops.imports")
record ImportProperties(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("250000") long maxRows,
		@DefaultValue("./data/imports") String directory) {
}
