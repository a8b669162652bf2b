package io.shopops.growth.community;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRefusedException;
import io.shopops.platform.ImportHandler.ImportResult;
import io.shopops.platform.ShopSettings;
import io.shopops.RecordingImportRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code community-members} import: groups by code or name, columns by English or
 * Chinese name, idempotent per group and day, bad rows reported, nothing written when
 * validating or when an all-or-nothing file has a bad row.
 */
@SpringBootTest
class MemberCountImportTests {

	@Autowired
	MemberCountImportHandler handler;

	@Autowired
	CommunityService service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShopSettings settings;

	@TempDir
	Path dir;

	@Test
	void chineseHeadersByCodeOrNameImportOnceAndAgainChangeNothing() throws IOException {
		String name = CommunityFixtures.unique("导入群 ");
		long group = group(name, null);
		String code = this.jdbc.sql("SELECT tracking_code FROM community_group WHERE id = ?")
			.param(group)
			.query(String.class)
			.single();
		Path file = write("gbk.csv", Charset.forName("GB18030"), "日期,追踪码,社群名称,群人数\n" + "2026-11-01,"
				+ code.toLowerCase() + ",,\"1,200\"\n" + "2026/11/02,," + name.toUpperCase() + ",1210\n");
		ImportResult first = this.handler
			.run(new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING));
		assertThat(first.created()).isEqualTo(2);
		assertThat(first.written()).isTrue();
		assertThat(this.jdbc
			.sql("SELECT members || ':' || source FROM community_member_count WHERE group_id = ?"
					+ " ORDER BY count_date")
			.param(group)
			.query(String.class)
			.list()).containsExactly("1200:IMPORT", "1210:IMPORT");
		ImportResult again = this.handler
			.run(new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING));
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.created() + again.updated()).isZero();
		Path changed = write("en.csv", Charset.forName("UTF-8"),
				"group_name,date,members\n" + name + ",2026-11-02,1215\n");
		assertThat(this.handler.run(new RecordingImportRun(changed, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING))
			.updated()).isOne();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'COMMUNITY_MEMBERS_IMPORTED'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void badRowsAreReportedAndAllOrNothingWritesNothing() throws IOException {
		String code = CommunityFixtures.unique("M");
		long group = group(CommunityFixtures.unique("坏数据群 "), code);
		LocalDate tomorrow = LocalDate.now(this.settings.current().timeZone()).plusDays(1);
		Path file = write("bad.csv", Charset.forName("UTF-8"),
				"tracking_code,date,members\n" + code + ",2026-10-01,10\n" + "NOPE" + code + ",2026-10-01,10\n" + code
						+ ",not a date,10\n" + code + ",2026-10-02,-5\n" + code + ",2026-10-01,11\n" + code + ","
						+ tomorrow + ",12\n" + code + ",2026-10-03,lots\n");
		RecordingImportRun run = new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING);
		ImportResult result = this.handler.run(run);
		assertThat(result.failed()).isEqualTo(6);
		assertThat(result.written()).isFalse();
		assertThat(run.problems).contains("3:community.import.problem.unknownGroup", "4:import.problem.date.invalid",
				"5:import.problem.number.negative", "6:community.import.problem.duplicate",
				"7:community.import.problem.future", "8:import.problem.number.invalid");
		assertThat(count(group)).isZero();
		assertThat(this.handler.run(new RecordingImportRun(file, ImportMode.VALIDATE, ImportPolicy.SKIP_INVALID))
			.written()).isFalse();
		assertThat(count(group)).isZero();
		assertThat(
				this.handler.run(new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.SKIP_INVALID)).created())
			.isOne();
		assertThat(count(group)).isOne();
	}

	@Test
	void aFileWithoutGroupDateOrMembersColumnsIsRefused() throws IOException {
		Path file = write("x.csv", Charset.forName("UTF-8"), "tracking_code,date\nG1,2026-01-01\n");
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.handler.inspect(file))
			.extracting(ImportRefusedException::code)
			.isEqualTo(MemberCountImportHandler.HEADER);
	}

	private long group(String name, String code) {
		GroupForm form = new GroupForm();
		form.setName(name);
		form.setKind(GroupKind.WECHAT_GROUP);
		form.setTrackingCode(code);
		return this.service.createGroup(form);
	}

	private long count(long group) {
		return this.jdbc.sql("SELECT count(*) FROM community_member_count WHERE group_id = ?")
			.param(group)
			.query(Long.class)
			.single();
	}

	private Path write(String name, Charset charset, String text) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text, charset);
		return file;
	}

}
