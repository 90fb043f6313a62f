using System.Net;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Tracing;

/// <summary>Each chain of the design documents is one trace, and every span of it belongs to the order.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class OrderChainTraceTests(StackFixture stack)
{
    private readonly OrderJourneyDriver _orders = new(stack);
    private readonly TraceQuery _traces = new(stack.Telemetry, () => stack.Log);

    [Fact]
    public async Task Price_calculation_is_one_trace_from_the_shop_through_crm_store_rabbitmq_and_mes_back_to_the_shop_database()
    {
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.SampleRing()));
        await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");
        var id = order.Id.ToString();

        var trace = await _traces.TraceAsync(
            s => s.Service == "shop-api" && s.Kind == "SERVER" && s["http.route"] == "/api/orders/{id:guid}/submit" && s["order.id"] == id,
            "the submit trace reaches the CRM's PRICE_CALCULATED transition",
            s => s.Service == "crm-api" && s.Kind == "SERVER",
            s => s.Service == "crm-api" && s["rpc.service"] == "S3",
            s => s.Service == "crm-api" && s.Kind == "PRODUCER",
            s => s.Service == "crm-api" && s.Kind == "CONSUMER",
            s => s.Service == "crm-api" && s.Name == "order.transition SUBMITTED -> PRICE_CALCULATED",
            s => s.Service == "crm-api" && s["db.query.text"]?.Contains("UPDATE orders", StringComparison.Ordinal) == true && s["db.namespace"] == "shopdb",
            s => s.Service == "mes-api" && s.Kind == "CONSUMER",
            s => s.Service == "mes-api" && s.Kind == "PRODUCER",
            s => s.Service == "mes-api" && s["rpc.method"] == "GetObject",
            s => s.Service == "mes-api" && s["db.collection.name"] == "price_calculations",
            s => s.Service == "shop-api" && s.Kind == "CLIENT" && s["http.request.method"] == "POST");

        var submit = TraceQuery.Single(trace, "shop-api", "SERVER", s => s["http.route"] == "/api/orders/{id:guid}/submit", "POST submit");
        var crmRequest = TraceQuery.Single(trace, "crm-api", "SERVER", s => s["http.route"] == "/api/orders/{id:guid}/price-requests", "price request");
        var modelCheck = TraceQuery.Single(trace, "crm-api", "CLIENT", s => s["rpc.service"] == "S3", "model check in the store");
        var requestPublish = TraceQuery.Single(trace, "crm-api", "PRODUCER", s => s["messaging.rabbitmq.destination.routing_key"] == "price.requested", "publish price.requested");
        var mesProcess = TraceQuery.Single(trace, "mes-api", "CONSUMER", s => s["messaging.rabbitmq.queue"] == "mes.price-requests", "process the price request");
        var modelDownload = TraceQuery.Single(trace, "mes-api", "CLIENT", s => s["rpc.method"] == "GetObject", "model download");
        var resultPublish = TraceQuery.Single(trace, "mes-api", "PRODUCER", s => s["messaging.rabbitmq.destination.routing_key"] == "price.calculated", "publish price.calculated");
        var crmProcess = TraceQuery.Single(trace, "crm-api", "CONSUMER", s => s["messaging.rabbitmq.queue"] == "crm.price-results", "process the price result");
        var transition = TraceQuery.Single(trace, "crm-api", "INTERNAL", s => s.Name == "order.transition SUBMITTED -> PRICE_CALCULATED", "the PRICE_CALCULATED transition");

        Assert.True(TraceQuery.DescendsFrom(trace, crmRequest, submit), "the CRM's request span descends from the Shop's submit (via the HttpClient span)");
        Assert.True(TraceQuery.DescendsFrom(trace, modelCheck, crmRequest), "the store check happens inside the CRM request");
        Assert.True(TraceQuery.DescendsFrom(trace, requestPublish, crmRequest), "the outbox publish continues the CRM request's trace");
        TraceQuery.AssertChildOf(mesProcess, requestPublish);
        Assert.Contains(requestPublish.SpanId, mesProcess.LinkedSpanIds);
        Assert.True(TraceQuery.DescendsFrom(trace, modelDownload, mesProcess), "MES downloads the model while processing");
        Assert.Contains(trace, s => s.Service == "mes-api" && s["db.collection.name"] == "price_calculations" && TraceQuery.DescendsFrom(trace, s, mesProcess));
        Assert.True(TraceQuery.DescendsFrom(trace, resultPublish, mesProcess), "the answer is published from the processing span's context");
        Assert.Equal("true", requestPublish["messaging.rabbitmq.confirmed"]);
        Assert.Equal("true", resultPublish["messaging.rabbitmq.confirmed"]);
        TraceQuery.AssertChildOf(crmProcess, resultPublish);
        Assert.True(TraceQuery.DescendsFrom(trace, transition, crmProcess), "the CRM records the price while processing the answer");
        Assert.Contains(trace, s => s.Service == "crm-api" && s["db.namespace"] == "shopdb" && s["db.query.text"]?.Contains("UPDATE orders", StringComparison.Ordinal) == true && TraceQuery.DescendsFrom(trace, s, crmProcess));

        Assert.Equal(["crm-api", "mes-api", "shop-api"], trace.Select(s => s.Service).Distinct().Order());
        Assert.All(trace, span => Assert.True(span["order.id"] == id, $"order.id missing on {span}"));
        Assert.Contains(trace, s => s.Kind == "CLIENT" && s["http.request.method"] == "POST" && s.Service == "shop-api");
        Assert.Contains(trace, s => s.Name.StartsWith("SELECT", StringComparison.Ordinal) || s.Name.StartsWith("INSERT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approval_and_each_production_step_are_one_trace_each_across_crm_rabbitmq_and_mes()
    {
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.SampleRing()));
        await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");
        var id = order.Id.ToString();

        Assert.Equal(HttpStatusCode.OK, (await _orders.CrmAsync(order.Id, "approve")).StatusCode);
        var confirmation = await _traces.TraceAsync(
            s => s.Service == "crm-api" && s["http.route"] == "/api/orders/{id:guid}/approve" && s["order.id"] == id,
            "the approval trace reaches the MES database",
            s => s.Service == "crm-api" && s.Kind == "PRODUCER",
            s => s.Service == "mes-api" && s.Kind == "CONSUMER",
            s => s.Service == "mes-api" && s["db.collection.name"] == "production_orders" && s["db.operation.name"] == "INSERT");
        var approvalPublish = TraceQuery.Single(confirmation, "crm-api", "PRODUCER", s => s["messaging.rabbitmq.destination.routing_key"] == "manufacturing.approved", "publish the approval");
        var approvalProcess = TraceQuery.Single(confirmation, "mes-api", "CONSUMER", s => s["messaging.rabbitmq.queue"] == "mes.manufacturing-approvals", "MES processes the approval");
        TraceQuery.AssertChildOf(approvalProcess, approvalPublish);
        Assert.All(confirmation, span => Assert.True(span["order.id"] == id, $"order.id missing on {span}"));

        Assert.Equal(HttpStatusCode.OK, (await _orders.MesAsync(order.Id, "start")).StatusCode);
        var execution = await _traces.TraceAsync(
            s => s.Service == "mes-api" && s["http.route"] == "/api/production-orders/{orderId:guid}/start" && s["order.id"] == id,
            "the production-step trace reaches the shop database",
            s => s.Service == "mes-api" && s.Kind == "PRODUCER",
            s => s.Service == "mes-api" && s["db.collection.name"] == "production_orders" && s["db.operation.name"] == "UPDATE",
            s => s.Service == "crm-api" && s.Kind == "CONSUMER",
            s => s.Service == "crm-api" && s.Name == "order.transition MANUFACTURING_APPROVED -> MANUFACTURING_STARTED");
        var stagePublish = TraceQuery.Single(execution, "mes-api", "PRODUCER", s => s["messaging.rabbitmq.destination.routing_key"] == "production.stage-changed", "publish the stage change");
        var stageProcess = TraceQuery.Single(execution, "crm-api", "CONSUMER", s => s["messaging.rabbitmq.queue"] == "crm.production-events", "CRM processes the stage change");
        TraceQuery.AssertChildOf(stageProcess, stagePublish);
        Assert.Contains(execution, s => s.Service == "mes-api" && s["db.collection.name"] == "production_orders" && s["db.operation.name"] == "UPDATE");
        Assert.All(execution, span => Assert.True(span["order.id"] == id, $"order.id missing on {span}"));
    }

    [Fact]
    public async Task The_model_upload_is_one_trace_from_the_shop_to_the_store()
    {
        var order = await _orders.CreateAsync();
        using (var upload = await _orders.UploadAsync(order.Id, StlWriter.WriteBinary(MeshFactory.Pendant())))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var trace = await _traces.TraceAsync(
            s => s.Service == "shop-api" && s["http.route"] == "/api/orders/{id:guid}/model" && s["order.id"] == order.Id.ToString(),
            "the upload trace has the store write and the transition",
            s => s["rpc.method"] == "PutObject",
            s => s["http.request.method"] == "PUT" && s.Kind == "CLIENT",
            s => s.Name == "order.transition INITIATED -> FILE_UPLOADED");
        var put = TraceQuery.Single(trace, "shop-api", "CLIENT", s => s["rpc.method"] == "PutObject", "S3 PutObject");

        Assert.Equal("aws-api", put["rpc.system"]);
        Assert.Equal("models", put["aws.s3.bucket"]);
        Assert.Equal($"orders/{order.Id}/model.stl", put["aws.s3.key"]);
        Assert.Contains(trace, s => s.ParentSpanId == put.SpanId && s["http.request.method"] == "PUT");
    }

    [Fact]
    public async Task A_full_lifecycle_yields_the_ten_transition_spans_in_order()
    {
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.SampleRing()));
        await _orders.CompleteAsync(order.Id);

        IReadOnlyList<CapturedSpan> transitions = [];
        await Hosting.Eventually.WaitUntilAsync(
            () => (transitions = [.. _traces.OfOrder(order.Id).Where(s => s["order.status.to"] is not null).OrderBy(s => s.Start)]).Count >= 10,
            TimeSpan.FromSeconds(30),
            "ten order.transition spans are exported");

        Assert.Equal(
            ["INITIATED", "FILE_UPLOADED", "SUBMITTED", "PRICE_CALCULATED", "MANUFACTURING_APPROVED", "MANUFACTURING_STARTED", "MANUFACTURING_COMPLETED", "PACKAGING", "SHIPPED", "CLOSED"],
            transitions.Select(s => s["order.status.to"]));
        Assert.All(transitions.Skip(1).Zip(transitions), pair => Assert.Equal(pair.Second["order.status.to"], pair.First["order.status.from"]));
        Assert.All(transitions, s => Assert.Equal(s["order.status.to"], s["order.status"]));
    }

    [Fact]
    public async Task A_failing_price_calculation_is_an_error_span_in_mes_with_the_reason_and_the_crm_shows_it_in_the_same_trace()
    {
        var order = await _orders.CreateAsync();

        // The README's sample: a solid the Shop accepts that is larger than the MES's printer.
        using (var upload = await _orders.UploadAsync(order.Id, SampleModelFiles.Read("tray-200mm.stl"), "tray-200mm.stl"))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await _orders.SubmitAsync(order.Id)).StatusCode);
        await _orders.WaitForAsync(order.Id, o => o.FailureReason is not null, "shows the failure");

        var trace = await _traces.TraceAsync(
            s => s.Service == "mes-api" && s.Kind == "CONSUMER" && s["order.id"] == order.Id.ToString(),
            "the failed calculation's answer reaches the CRM",
            s => s.Service == "mes-api" && s.Status == "Error",
            s => s.Service == "crm-api" && s.Kind == "CONSUMER" && s["messaging.rabbitmq.queue"] == "crm.price-results",
            s => s.Service == "shop-api");

        var mesError = Assert.Single(trace, s => s.Service == "mes-api" && s.Status == "Error");
        Assert.Contains("does not fit the printer", mesError.StatusMessage, StringComparison.Ordinal);
        Assert.NotNull(mesError["error.type"]);
        var crmSide = TraceQuery.Single(trace, "crm-api", "CONSUMER", s => s["messaging.rabbitmq.queue"] == "crm.price-results", "CRM processes the failure");
        Assert.Equal("Error", crmSide.Status);
        Assert.Contains("does not fit the printer", crmSide.StatusMessage, StringComparison.Ordinal);
        Assert.Contains(trace, s => s.Service == "shop-api");
    }
}
