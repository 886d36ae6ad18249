package io.repdesk.web.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.channel.webhook.CreatedSubscription;
import io.repdesk.channel.webhook.Delivery;
import io.repdesk.channel.webhook.Subscription;
import io.repdesk.channel.webhook.SubscriptionRequest;
import io.repdesk.channel.webhook.WebhookEventType;
import io.repdesk.channel.webhook.WebhookManagement;
import io.repdesk.channel.webhook.WebhookSettings;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;

/** Webhook subscriptions: the list, a form to create or change one, its recent deliveries, test and resend. */
@Controller
@RequestMapping("/admin/webhooks")
@Permits(Permission.ADMINISTER)
class WebhookAdminController {

    private final WebhookManagement webhooks;
    private final WebhookSettings settings;

    WebhookAdminController(WebhookManagement webhooks, WebhookSettings settings) {
        this.webhooks = webhooks;
        this.settings = settings;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("subscriptions", webhooks.subscriptions());
        return "admin/webhooks";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, null, WebhookForm.blank(), Map.of());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return form(model, webhooks.subscription(id), WebhookForm.of(webhooks.subscription(id)), Map.of());
    }

    /** The deliveries table alone, which the page reloads while some are still pending. */
    @GetMapping("/{id}/deliveries")
    String deliveries(@PathVariable UUID id, Model model) {
        deliveriesOf(model, webhooks.subscription(id));
        return "admin/webhook :: deliveries";
    }

    @PostMapping
    ModelAndView subscribe(@RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        return save(null, params, model, redirect);
    }

    @PostMapping("/{id}")
    ModelAndView change(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        return save(webhooks.subscription(id), params, model, redirect);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.deactivate(id);
        redirect.addFlashAttribute("notice", "Deactivated: nothing is sent until it is active again.");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id}/secret")
    String rotateSecret(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", webhooks.rotateSecret(id));
        redirect.addFlashAttribute("notice", "Replaced the signing secret: update the receiver, which must check "
                + "signatures with the new one from now on.");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id}/test")
    String sendTest(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            webhooks.sendTest(id);
            redirect.addFlashAttribute("notice", "Queued a test event: it goes out within "
                    + settings.dispatchInterval().toSeconds() + " s and its answer shows below.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    String sendAgain(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        if (!webhooks.delivery(deliveryId).subscriptionId().equals(id)) {
            throw new NotFound("webhook delivery", "deliveryId", deliveryId);
        }
        webhooks.sendAgain(deliveryId);
        redirect.addFlashAttribute("notice", "Queued the delivery to be sent again, with the same delivery id.");
        return "redirect:/admin/webhooks/" + id;
    }

    private ModelAndView save(@Nullable Subscription current, MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        WebhookForm form = WebhookForm.from(params);
        FieldErrors errors = new FieldErrors();
        SubscriptionRequest request = form.toRequest(errors);
        if (request != null) {
            try {
                UUID id;
                if (current == null) {
                    CreatedSubscription created = webhooks.subscribe(request);
                    id = created.subscription().id();
                    redirect.addFlashAttribute("secret", created.secret());
                    redirect.addFlashAttribute("notice", "Subscribed " + created.subscription().targetUrl() + ".");
                } else {
                    id = webhooks.change(current.id(), request).id();
                    redirect.addFlashAttribute("notice", "Saved the subscription.");
                }
                return new ModelAndView("redirect:/admin/webhooks/" + id);
            } catch (InvalidInput e) {
                WebhookForm.reject(errors, e);
            }
        }
        ModelAndView refused = new ModelAndView(form(model, current, form, errors.asMap()), model.asMap());
        refused.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return refused;
    }

    private String form(Model model, @Nullable Subscription subscription, WebhookForm form,
            Map<String, String> errors) {
        model.addAttribute("subscription", subscription);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("eventTypes", List.of(WebhookEventType.values()).stream()
                .filter(WebhookEventType::isSubscribable).toList());
        if (subscription != null) {
            deliveriesOf(model, subscription);
        }
        return "admin/webhook";
    }

    private void deliveriesOf(Model model, Subscription subscription) {
        List<Delivery> deliveries = webhooks.recentDeliveries(subscription.id());
        model.addAttribute("subscription", subscription);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("pending", deliveries.stream().anyMatch(d -> d.status() == Delivery.Status.PENDING));
    }
}
