wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json; charset=utf-8"
wrk.headers["Authorization"] = "Basic Ync6czNjcmV0"
wrk.body = '{"eventType":"initiate","eventTime":"2019-06-20T15:56:11.554Z","accountId":"55555555","applicationId":"7fc9698a-b04a-468b-9e8f-91238c0d0086","from":"+15551112222","to":"+15553334444","direction":"inbound","callId":"c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","callUrl":"https://voice.bandwidth.com/api/v2/accounts/55555555/calls/c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","startTime":"2019-06-20T15:54:22.234Z","diversion":{"origTo":"+15558884444","reason":"unavailable","privacy":"off","unknown":"unknownValue"}}'
