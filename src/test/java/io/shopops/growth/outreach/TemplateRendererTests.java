package io.shopops.growth.outreach;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendering templates, finding unknown variables, counting SMS parts, and the template
 * form's checks.
 */
class TemplateRendererTests {

	@Test
	void rendersEveryKnownVariableWithOrWithoutSpaces() {
		String text = "{{name}}您好，{{ tier }}积分{{points}}，券码{{coupon}}，{{shop}}";
		assertThat(TemplateRenderer.render(text,
				Map.of("name", "王芳", "tier", "金卡", "points", "1280", "coupon", "CPX", "shop", "山野茶舍")))
			.isEqualTo("王芳您好，金卡积分1280，券码CPX，山野茶舍");
	}

	@Test
	void rendersAMissingValueAsEmptyAndKeepsDollarSignsAndBackslashes() {
		assertThat(TemplateRenderer.render("Hi {{name}}, {{coupon}}!", Map.of("name", "A$1\\")))
			.isEqualTo("Hi A$1\\, !");
	}

	@Test
	void findsUnknownVariablesAndLoneBraces() {
		assertThat(TemplateRenderer.unknownVariables("{{name}} {{nmae}} {{ phone }} {{nmae}}")).containsExactly("nmae",
				"phone");
		assertThat(TemplateRenderer.unknownVariables("{{}}")).containsExactly("{{}}");
		assertThat(TemplateRenderer.unknownVariables("{{name} and }} or {{")).containsExactly("{{…}}");
		assertThat(TemplateRenderer.unknownVariables("{{name}}, {{tier}}, {{points}}, {{coupon}}, {{shop}}")).isEmpty();
		assertThat(TemplateRenderer.unknownVariables(null)).isEmpty();
	}

	@Test
	void countsSmsPartsOfSeventyCharacters() {
		assertThat(TemplateRenderer.smsParts("")).isEqualTo(1);
		assertThat(TemplateRenderer.smsParts("好".repeat(70))).isEqualTo(1);
		assertThat(TemplateRenderer.smsParts("好".repeat(71))).isEqualTo(2);
		assertThat(TemplateRenderer.smsParts("a".repeat(141))).isEqualTo(3);
		// an emoji is one character, not two UTF-16 units
		assertThat(TemplateRenderer.smsParts("😀".repeat(70))).isEqualTo(1);
	}

	@Test
	void theFormRefusesUnknownVariablesAnEmailWithoutSubjectAndAnOverlongSms() {
		TemplateForm form = new TemplateForm();
		form.setName("t");
		form.setChannel(OutreachChannel.EMAIL);
		form.setBody("Hello {{nam}}");
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "templateForm");
		form.check(result);
		assertThat(result.getFieldError("body").getCode()).isEqualTo("outreach.template.variables.unknown");
		assertThat(result.getFieldError("body").getArguments()).containsExactly("nam");
		assertThat(result.getFieldError("subject").getCode()).isEqualTo("outreach.template.subject.required");

		form.setChannel(OutreachChannel.SMS);
		form.setBody("x".repeat(351));
		result = new BeanPropertyBindingResult(form, "templateForm");
		form.check(result);
		assertThat(result.getFieldError("body").getCode()).isEqualTo("outreach.template.body.tooLong");
		assertThat(result.hasFieldErrors("subject")).isFalse();
		assertThat(form.subjectOrNull()).isNull();

		form.setBody("{{name}}，您的{{coupon}}今晚到期");
		result = new BeanPropertyBindingResult(form, "templateForm");
		form.check(result);
		assertThat(result.hasErrors()).isFalse();
	}

}
