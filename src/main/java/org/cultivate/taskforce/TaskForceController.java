package org.cultivate.taskforce;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Task-force calls over HTTP. For anyone: {@code GET /api/task-force/calls} (the calls open now),
 * a call's page and its statistics. For the selection committee and the coordinators: the balance
 * view of a proposed panel and its swaps ({@code POST .../balance/swaps {"out", "in"}}) until the
 * panel is confirmed.
 */
@RestController
class TaskForceController {

    private final TaskForceCalls calls;
    private final TaskForcePages pages;
    private final TaskForceBalance balance;

    TaskForceController(TaskForceCalls calls, TaskForcePages pages, TaskForceBalance balance) {
        this.calls = calls;
        this.pages = pages;
        this.balance = balance;
    }

    record OpenCall(String reference, String name, String purpose, int seats, String opensOn, String closesOn, List<String> languages,
            Map<String, Map<String, String>> translations) {
    }

    record Swap(String out, String in) {
    }

    @GetMapping("/api/task-force/calls")
    List<OpenCall> open() {
        return calls.openCalls().stream().map(call -> new OpenCall(call.reference(), call.name(), call.purpose(), call.seats(),
                call.opensOn().toString(), call.closesOn().toString(), call.languages(), call.translations())).toList();
    }

    @GetMapping("/api/task-force/calls/{reference}")
    TaskForcePages.CallPage page(@PathVariable String reference) {
        String state = calls.openCall(reference).isPresent() ? "open"
                : calls.runningCall(reference).map(call -> calls.closed(call) ? "closed" : "scheduled").orElse("closed");
        return pages.page(reference, state).orElseThrow(() -> noSuchCall(reference));
    }

    @GetMapping("/api/task-force/calls/{reference}/statistics")
    TaskForcePages.Statistics statistics(@PathVariable String reference) {
        return pages.statistics(reference).orElseThrow(() -> noSuchCall(reference));
    }

    @GetMapping("/api/task-force/calls/{reference}/balance")
    TaskForceBalance.View balance(@PathVariable String reference, Principal member) {
        return balance.view(reference, member.getName());
    }

    @PostMapping("/api/task-force/calls/{reference}/balance/swaps")
    TaskForceBalance.View swap(@PathVariable String reference, @RequestBody(required = false) Swap swap, Principal member) {
        if (swap == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid swap", "Send {\"out\": a member's reference, \"in\": a reserve's reference}.");
        }
        return balance.swap(reference, member.getName(), swap.out(), swap.in());
    }

    private static ApiProblem noSuchCall(String reference) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "No such call", "There is no task-force call " + reference + ".");
    }
}
