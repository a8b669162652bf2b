package io.shopops.platform.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.engine.TemplateModel;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.ITemplateEvent;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.Fragment;
import org.thymeleaf.standard.expression.FragmentExpression;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The page layout: a page names the layout it fills with
 * {@code layout:decorate="~{layout}"} on its {@code <html>} element and fills the
 * layout's {@code layout:fragment="name"} elements with its own elements of the same
 * names; the {@code <title>} is the layout's {@code layout:title-pattern} with
 * {@code $CONTENT_TITLE} (the page's title) and {@code $LAYOUT_TITLE} (the layout's); the
 * page's other {@code <head>} elements follow the layout's.
 * <p>
 * These are the attributes, and the results, of the Thymeleaf Layout Dialect that the
 * templates used, in plain Java: the dialect's Groovy dispatch was a fifth of every
 * page's server time (bench/reports/pages.md). The decoration only rearranges the
 * unprocessed markup; every {@code th:} attribute of the layout and the page is then
 * processed as usual. Any other {@code layout:} attribute is refused by TemplatesTests.
 */
class LayoutDialect extends AbstractProcessorDialect {

	static final String PREFIX = "layout";

	LayoutDialect() {
		super("Layout", PREFIX, 10);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix),
				new DecorateProcessor(dialectPrefix), new FragmentProcessor(dialectPrefix));
	}

	/**
	 * Replaces the page's {@code <html>} element by the layout's, filled with the page's
	 * fragments, title and head elements.
	 */
	static final class DecorateProcessor extends AbstractAttributeModelProcessor {

		private static final Pattern TITLE_TOKEN = Pattern.compile("\\$(LAYOUT|CONTENT)_TITLE");

		private final String prefix;

		DecorateProcessor(String prefix) {
			super(TemplateMode.HTML, prefix, null, false, "decorate", true, 0, true);
			this.prefix = prefix;
		}

		@Override
		protected void doProcess(ITemplateContext context, IModel model, AttributeName attributeName,
				String attributeValue, IElementModelStructureHandler structureHandler) {
			FragmentExpression expression = FragmentExpression.parseFragmentExpression(attributeValue);
			if (expression == null) {
				throw new IllegalArgumentException("layout:decorate needs a fragment expression: " + attributeValue);
			}
			Fragment fragment = FragmentExpression.resolveExecutedFragmentExpression(context,
					FragmentExpression.createExecutedFragmentExpression(context, expression), true);
			TemplateModel layout = fragment.getTemplateModel();
			IModelFactory factory = context.getModelFactory();
			Page page = Page.of(factory, model, this.prefix);
			IModel result = factory.createModel();
			int start = firstElement(layout);
			int end = elementEnd(layout, start);
			for (int i = start; i <= end; i++) {
				ITemplateEvent event = layout.get(i);
				if (i == start) {
					result.add(merge(factory, (IProcessableElementTag) event, page.root));
					continue;
				}
				if (event instanceof IProcessableElementTag tag) {
					String name = tag.getAttributeValue(this.prefix, "fragment");
					if (name != null && page.fragments.containsKey(name)) {
						result.addModel(page.fragments.get(name));
						i = elementEnd(layout, i);
						continue;
					}
					if (tag.getElementCompleteName().equals("title")) {
						result.addModel(title(factory, layout, i, page));
						i = elementEnd(layout, i);
						continue;
					}
					if (tag.getElementCompleteName().equals("body") && page.body != null) {
						result.add(merge(factory, tag, page.body));
						continue;
					}
				}
				if (event instanceof ICloseElementTag close && close.getElementCompleteName().equals("head")) {
					result.addModel(page.head);
				}
				result.add(event);
			}
			model.reset();
			model.addModel(result);
			structureHandler.setTemplateData(layout.getTemplateData());
		}

		/**
		 * The layout's {@code <title>} with its pattern applied: text between the tokens
		 * as it is, each token replaced by the text or {@code th:text} of its title.
		 */
		private IModel title(IModelFactory factory, IModel layout, int start, Page page) {
			IProcessableElementTag layoutTitle = (IProcessableElementTag) layout.get(start);
			IModel layoutText = titleText(factory, layout, start);
			String pattern = layoutTitle.getAttributeValue(this.prefix, "title-pattern");
			IModel title = factory.createModel();
			title.add(factory.createOpenElementTag("title"));
			if (pattern != null && page.title != null && layoutText.size() > 0 && page.title.size() > 0) {
				Matcher tokens = TITLE_TOKEN.matcher(pattern);
				int at = 0;
				while (tokens.find()) {
					if (tokens.start() > at) {
						title.add(factory.createText(pattern.substring(at, tokens.start())));
					}
					title.addModel(tokens.group(1).equals("LAYOUT") ? layoutText : page.title);
					at = tokens.end();
				}
				if (at < pattern.length()) {
					title.add(factory.createText(pattern.substring(at)));
				}
			}
			else if (page.title != null && page.title.size() > 0) {
				title.addModel(page.title);
			}
			else {
				title.addModel(layoutText);
			}
			title.add(factory.createCloseElementTag("title"));
			return title;
		}

		/**
		 * What a {@code <title>} shows: a {@code th:block} carrying its {@code th:text},
		 * or its text.
		 */
		static IModel titleText(IModelFactory factory, IModel model, int start) {
			IProcessableElementTag tag = (IProcessableElementTag) model.get(start);
			IModel text = factory.createModel();
			for (String attribute : new String[] { "th:text", "th:utext" }) {
				String expression = tag.getAttributeValue(attribute);
				if (expression != null) {
					text.add(factory.createOpenElementTag("th:block", attribute, expression));
					text.add(factory.createCloseElementTag("th:block"));
					return text;
				}
			}
			int end = elementEnd(model, start);
			for (int i = start + 1; i < end; i++) {
				text.add(model.get(i));
			}
			return text;
		}

		/**
		 * The layout's element with the page's attributes added (a page's attribute
		 * replaces the layout's of the same name).
		 */
		private static IProcessableElementTag merge(IModelFactory factory, IProcessableElementTag layout,
				IProcessableElementTag page) {
			IProcessableElementTag merged = layout;
			for (IAttribute attribute : page.getAllAttributes()) {
				merged = factory.setAttribute(merged, attribute.getAttributeCompleteName(), attribute.getValue());
			}
			return merged;
		}

	}

	/**
	 * Removes {@code layout:fragment} from the elements the decoration put in place.
	 */
	static final class FragmentProcessor extends AbstractAttributeTagProcessor {

		FragmentProcessor(String prefix) {
			super(TemplateMode.HTML, prefix, null, false, "fragment", true, 1, true);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, IElementTagStructureHandler structureHandler) {
			// the attribute only marks the element for the decoration
		}

	}

	/**
	 * What a page gives its layout: its root and body tags (for their attributes), what
	 * its title shows, its other head content and its fragments by name.
	 */
	private record Page(IProcessableElementTag root, IProcessableElementTag body, IModel title, IModel head,
			Map<String, IModel> fragments) {

		static Page of(IModelFactory factory, IModel model, String prefix) {
			IModel head = factory.createModel();
			IModel title = null;
			IProcessableElementTag body = null;
			Map<String, IModel> fragments = new HashMap<>();
			boolean inHead = false;
			int end = elementEnd(model, 0);
			for (int i = 1; i < end; i++) {
				ITemplateEvent event = model.get(i);
				if (event instanceof ICloseElementTag close && close.getElementCompleteName().equals("head")) {
					inHead = false;
					continue;
				}
				if (event instanceof IProcessableElementTag tag) {
					String name = tag.getElementCompleteName();
					String fragment = tag.getAttributeValue(prefix, "fragment");
					if (fragment != null) {
						int fragmentEnd = elementEnd(model, i);
						fragments.putIfAbsent(fragment, slice(factory, model, i, fragmentEnd));
						i = fragmentEnd;
						continue;
					}
					if (name.equals("head") && tag instanceof IOpenElementTag) {
						inHead = true;
						continue;
					}
					if (name.equals("body")) {
						body = tag;
						continue;
					}
					if (inHead && name.equals("title")) {
						title = DecorateProcessor.titleText(factory, model, i);
						i = elementEnd(model, i);
						continue;
					}
				}
				if (inHead) {
					head.add(event);
				}
			}
			return new Page((IProcessableElementTag) model.get(0), body, title, head, fragments);
		}

	}

	/**
	 * The index of the first element of a model.
	 */
	static int firstElement(IModel model) {
		for (int i = 0; i < model.size(); i++) {
			if (model.get(i) instanceof IProcessableElementTag) {
				return i;
			}
		}
		throw new IllegalArgumentException("The layout has no element");
	}

	/**
	 * The index of the event that ends the element starting at {@code start}: its close
	 * tag, or the start itself for a standalone element.
	 */
	static int elementEnd(IModel model, int start) {
		if (model.get(start) instanceof IStandaloneElementTag || !(model.get(start) instanceof IOpenElementTag)) {
			return start;
		}
		int depth = 0;
		for (int i = start; i < model.size(); i++) {
			ITemplateEvent event = model.get(i);
			if (event instanceof IOpenElementTag) {
				depth++;
			}
			else if (event instanceof ICloseElementTag) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		throw new IllegalArgumentException("Unclosed element " + model.get(start));
	}

	static IModel slice(IModelFactory factory, IModel model, int from, int to) {
		IModel slice = factory.createModel();
		for (int i = from; i <= to; i++) {
			slice.add(model.get(i));
		}
		return slice;
	}

}
