using System.Globalization;
using Jewelry.Benchmarks.Gateway;
using Jewelry.Contracts.Security;

// What the partner gateway adds to a seller's call: the same GET of a seller order straight to the MES and through
// the gateway, interleaved in one run of the stack; what validating one access token costs in process; and what a
// partner's and an operator's token request cost.
var rounds = args is ["--rounds", var text] ? int.Parse(text, CultureInfo.InvariantCulture) : 2000;

await using var stack = await PartnerSystem.StartAsync(CancellationToken.None);
var token = await stack.TokenAsync();
var path = await stack.PlaceOrderAsync(token);

var overhead = await GatewayOverhead.MeasureAsync(stack, token, path, rounds);
var validation = await TokenValidationCost.MeasureAsync(stack, token, TokenAudiences.Partners);
var issuing = await stack.MeasureTokenRequestsAsync(count: 10);
var operatorValidation = await TokenValidationCost.MeasureAsync(stack, await stack.OperatorTokenAsync(), TokenAudiences.Operators);
var signIns = await stack.MeasureOperatorTokenRequestsAsync(count: 10);

Console.WriteLine(Report.Format(overhead, validation, issuing, operatorValidation, signIns));
