import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  syncRepository
} from "./chunks/chunk-URAPKBRF.js";
import {
  error,
  getBooleanInput,
  getInput,
  info,
  notice,
  require_tunnel,
  require_undici,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunks/chunk-M7I2WWZG.js";
import {
  Octokit,
  paginateRest,
  rateLimitOptions,
  rateLimitPlugins,
  restEndpointMethods
} from "./chunks/chunk-HIBOO6RK.js";
import {
  createGateway,
  httpStatus
} from "./chunks/chunk-V2IIR6YJ.js";
import {
  defaultIndexFile,
  generateIndex,
  isIndexed
} from "./chunks/chunk-ULHG4DM2.js";
import {
  VALIDATION_MARKER,
  formatConfigError,
  formatMinutes,
  lintPostmortem,
  loadConfig,
  missingApprovals,
  parsePostmortem,
  startsWithMarker,
  writtenBy
} from "./chunks/chunk-UZSLUWVL.js";
import {
  SECTION_NAMES,
  __commonJS,
  __require,
  __toESM,
  defuseMentions,
  loadTemplates,
  oneLine,
  parseTemplate
} from "./chunks/chunk-JUURBIXP.js";

// node_modules/@actions/github/node_modules/@actions/http-client/lib/proxy.js
var require_proxy = __commonJS({
  "node_modules/@actions/github/node_modules/@actions/http-client/lib/proxy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getProxyUrl = getProxyUrl;
    exports.checkBypass = checkBypass;
    function getProxyUrl(reqUrl) {
      const usingSsl = reqUrl.protocol === "https:";
      if (checkBypass(reqUrl)) {
        return void 0;
      }
      const proxyVar = (() => {
        if (usingSsl) {
          return process.env["https_proxy"] || process.env["HTTPS_PROXY"];
        } else {
          return process.env["http_proxy"] || process.env["HTTP_PROXY"];
        }
      })();
      if (proxyVar) {
        try {
          return new DecodedURL(proxyVar);
        } catch (_a) {
          if (!proxyVar.startsWith("http://") && !proxyVar.startsWith("https://"))
            return new DecodedURL(`http://${proxyVar}`);
        }
      } else {
        return void 0;
      }
    }
    function checkBypass(reqUrl) {
      if (!reqUrl.hostname) {
        return false;
      }
      const reqHost = reqUrl.hostname;
      if (isLoopbackAddress(reqHost)) {
        return true;
      }
      const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
      if (!noProxy) {
        return false;
      }
      let reqPort;
      if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
      } else if (reqUrl.protocol === "http:") {
        reqPort = 80;
      } else if (reqUrl.protocol === "https:") {
        reqPort = 443;
      }
      const upperReqHosts = [reqUrl.hostname.toUpperCase()];
      if (typeof reqPort === "number") {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
      }
      for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
        if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
          return true;
        }
      }
      return false;
    }
    function isLoopbackAddress(host) {
      const hostLower = host.toLowerCase();
      return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
    }
    var DecodedURL = class extends URL {
      constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
      }
      get username() {
        return this._decodedUsername;
      }
      get password() {
        return this._decodedPassword;
      }
    };
  }
});

// node_modules/@actions/github/node_modules/@actions/http-client/lib/index.js
var require_lib = __commonJS({
  "node_modules/@actions/github/node_modules/@actions/http-client/lib/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    var __awaiter2 = exports && exports.__awaiter || function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HttpClient = exports.HttpClientResponse = exports.HttpClientError = exports.MediaTypes = exports.Headers = exports.HttpCodes = void 0;
    exports.getProxyUrl = getProxyUrl;
    exports.isHttps = isHttps;
    var http = __importStar(__require("http"));
    var https = __importStar(__require("https"));
    var pm = __importStar(require_proxy());
    var tunnel = __importStar(require_tunnel());
    var undici_1 = require_undici();
    var HttpCodes;
    (function(HttpCodes2) {
      HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
      HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
      HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
      HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
      HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
      HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
      HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
      HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
      HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
      HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
      HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
      HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
      HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
      HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
      HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
      HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
      HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
      HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
      HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
      HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
      HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
      HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
      HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
      HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
      HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
      HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
      HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
    })(HttpCodes || (exports.HttpCodes = HttpCodes = {}));
    var Headers;
    (function(Headers2) {
      Headers2["Accept"] = "accept";
      Headers2["ContentType"] = "content-type";
    })(Headers || (exports.Headers = Headers = {}));
    var MediaTypes;
    (function(MediaTypes2) {
      MediaTypes2["ApplicationJson"] = "application/json";
    })(MediaTypes || (exports.MediaTypes = MediaTypes = {}));
    function getProxyUrl(serverUrl) {
      const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
      return proxyUrl ? proxyUrl.href : "";
    }
    var HttpRedirectCodes = [
      HttpCodes.MovedPermanently,
      HttpCodes.ResourceMoved,
      HttpCodes.SeeOther,
      HttpCodes.TemporaryRedirect,
      HttpCodes.PermanentRedirect
    ];
    var HttpResponseRetryCodes = [
      HttpCodes.BadGateway,
      HttpCodes.ServiceUnavailable,
      HttpCodes.GatewayTimeout
    ];
    var RetryableHttpVerbs = ["OPTIONS", "GET", "DELETE", "HEAD"];
    var ExponentialBackoffCeiling = 10;
    var ExponentialBackoffTimeSlice = 5;
    var HttpClientError = class _HttpClientError extends Error {
      constructor(message, statusCode) {
        super(message);
        this.name = "HttpClientError";
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, _HttpClientError.prototype);
      }
    };
    exports.HttpClientError = HttpClientError;
    var HttpClientResponse = class {
      constructor(message) {
        this.message = message;
      }
      readBody() {
        return __awaiter2(this, void 0, void 0, function* () {
          return new Promise((resolve) => __awaiter2(this, void 0, void 0, function* () {
            let output = Buffer.alloc(0);
            this.message.on("data", (chunk) => {
              output = Buffer.concat([output, chunk]);
            });
            this.message.on("end", () => {
              resolve(output.toString());
            });
          }));
        });
      }
      readBodyBuffer() {
        return __awaiter2(this, void 0, void 0, function* () {
          return new Promise((resolve) => __awaiter2(this, void 0, void 0, function* () {
            const chunks = [];
            this.message.on("data", (chunk) => {
              chunks.push(chunk);
            });
            this.message.on("end", () => {
              resolve(Buffer.concat(chunks));
            });
          }));
        });
      }
    };
    exports.HttpClientResponse = HttpClientResponse;
    function isHttps(requestUrl) {
      const parsedUrl = new URL(requestUrl);
      return parsedUrl.protocol === "https:";
    }
    var HttpClient2 = class {
      constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
          if (requestOptions.ignoreSslError != null) {
            this._ignoreSslError = requestOptions.ignoreSslError;
          }
          this._socketTimeout = requestOptions.socketTimeout;
          if (requestOptions.allowRedirects != null) {
            this._allowRedirects = requestOptions.allowRedirects;
          }
          if (requestOptions.allowRedirectDowngrade != null) {
            this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
          }
          if (requestOptions.maxRedirects != null) {
            this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
          }
          if (requestOptions.keepAlive != null) {
            this._keepAlive = requestOptions.keepAlive;
          }
          if (requestOptions.allowRetries != null) {
            this._allowRetries = requestOptions.allowRetries;
          }
          if (requestOptions.maxRetries != null) {
            this._maxRetries = requestOptions.maxRetries;
          }
        }
      }
      options(requestUrl, additionalHeaders) {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.request("OPTIONS", requestUrl, null, additionalHeaders || {});
        });
      }
      get(requestUrl, additionalHeaders) {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.request("GET", requestUrl, null, additionalHeaders || {});
        });
      }
      del(requestUrl, additionalHeaders) {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.request("DELETE", requestUrl, null, additionalHeaders || {});
        });
      }
      post(requestUrl, data, additionalHeaders) {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.request("POST", requestUrl, data, additionalHeaders || {});
        });
      }
      patch(requestUrl, data, additionalHeaders) {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.request("PATCH", requestUrl, data, additionalHeaders || {});
        });
      }
      put(requestUrl, data, additionalHeaders) {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.request("PUT", requestUrl, data, additionalHeaders || {});
        });
      }
      head(requestUrl, additionalHeaders) {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.request("HEAD", requestUrl, null, additionalHeaders || {});
        });
      }
      sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.request(verb, requestUrl, stream, additionalHeaders);
        });
      }
      /**
       * Gets a typed object from an endpoint
       * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
       */
      getJson(requestUrl_1) {
        return __awaiter2(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
          additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
          const res = yield this.get(requestUrl, additionalHeaders);
          return this._processResponse(res, this.requestOptions);
        });
      }
      postJson(requestUrl_1, obj_1) {
        return __awaiter2(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
          const data = JSON.stringify(obj, null, 2);
          additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
          additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
          const res = yield this.post(requestUrl, data, additionalHeaders);
          return this._processResponse(res, this.requestOptions);
        });
      }
      putJson(requestUrl_1, obj_1) {
        return __awaiter2(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
          const data = JSON.stringify(obj, null, 2);
          additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
          additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
          const res = yield this.put(requestUrl, data, additionalHeaders);
          return this._processResponse(res, this.requestOptions);
        });
      }
      patchJson(requestUrl_1, obj_1) {
        return __awaiter2(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
          const data = JSON.stringify(obj, null, 2);
          additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
          additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
          const res = yield this.patch(requestUrl, data, additionalHeaders);
          return this._processResponse(res, this.requestOptions);
        });
      }
      /**
       * Makes a raw http request.
       * All other methods such as get, post, patch, and request ultimately call this.
       * Prefer get, del, post and patch
       */
      request(verb, requestUrl, data, headers) {
        return __awaiter2(this, void 0, void 0, function* () {
          if (this._disposed) {
            throw new Error("Client has already been disposed.");
          }
          const parsedUrl = new URL(requestUrl);
          let info2 = this._prepareRequest(verb, parsedUrl, headers);
          const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb) ? this._maxRetries + 1 : 1;
          let numTries = 0;
          let response;
          do {
            response = yield this.requestRaw(info2, data);
            if (response && response.message && response.message.statusCode === HttpCodes.Unauthorized) {
              let authenticationHandler;
              for (const handler of this.handlers) {
                if (handler.canHandleAuthentication(response)) {
                  authenticationHandler = handler;
                  break;
                }
              }
              if (authenticationHandler) {
                return authenticationHandler.handleAuthentication(this, info2, data);
              } else {
                return response;
              }
            }
            let redirectsRemaining = this._maxRedirects;
            while (response.message.statusCode && HttpRedirectCodes.includes(response.message.statusCode) && this._allowRedirects && redirectsRemaining > 0) {
              const redirectUrl = response.message.headers["location"];
              if (!redirectUrl) {
                break;
              }
              const parsedRedirectUrl = new URL(redirectUrl);
              if (parsedUrl.protocol === "https:" && parsedUrl.protocol !== parsedRedirectUrl.protocol && !this._allowRedirectDowngrade) {
                throw new Error("Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.");
              }
              yield response.readBody();
              if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                for (const header in headers) {
                  if (header.toLowerCase() === "authorization") {
                    delete headers[header];
                  }
                }
              }
              info2 = this._prepareRequest(verb, parsedRedirectUrl, headers);
              response = yield this.requestRaw(info2, data);
              redirectsRemaining--;
            }
            if (!response.message.statusCode || !HttpResponseRetryCodes.includes(response.message.statusCode)) {
              return response;
            }
            numTries += 1;
            if (numTries < maxTries) {
              yield response.readBody();
              yield this._performExponentialBackoff(numTries);
            }
          } while (numTries < maxTries);
          return response;
        });
      }
      /**
       * Needs to be called if keepAlive is set to true in request options.
       */
      dispose() {
        if (this._agent) {
          this._agent.destroy();
        }
        this._disposed = true;
      }
      /**
       * Raw request.
       * @param info
       * @param data
       */
      requestRaw(info2, data) {
        return __awaiter2(this, void 0, void 0, function* () {
          return new Promise((resolve, reject) => {
            function callbackForResult(err, res) {
              if (err) {
                reject(err);
              } else if (!res) {
                reject(new Error("Unknown error"));
              } else {
                resolve(res);
              }
            }
            this.requestRawWithCallback(info2, data, callbackForResult);
          });
        });
      }
      /**
       * Raw request with callback.
       * @param info
       * @param data
       * @param onResult
       */
      requestRawWithCallback(info2, data, onResult) {
        if (typeof data === "string") {
          if (!info2.options.headers) {
            info2.options.headers = {};
          }
          info2.options.headers["Content-Length"] = Buffer.byteLength(data, "utf8");
        }
        let callbackCalled = false;
        function handleResult(err, res) {
          if (!callbackCalled) {
            callbackCalled = true;
            onResult(err, res);
          }
        }
        const req = info2.httpModule.request(info2.options, (msg) => {
          const res = new HttpClientResponse(msg);
          handleResult(void 0, res);
        });
        let socket;
        req.on("socket", (sock) => {
          socket = sock;
        });
        req.setTimeout(this._socketTimeout || 3 * 6e4, () => {
          if (socket) {
            socket.end();
          }
          handleResult(new Error(`Request timeout: ${info2.options.path}`));
        });
        req.on("error", function(err) {
          handleResult(err);
        });
        if (data && typeof data === "string") {
          req.write(data, "utf8");
        }
        if (data && typeof data !== "string") {
          data.on("close", function() {
            req.end();
          });
          data.pipe(req);
        } else {
          req.end();
        }
      }
      /**
       * Gets an http agent. This function is useful when you need an http agent that handles
       * routing through a proxy server - depending upon the url and proxy environment variables.
       * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
       */
      getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
      }
      getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
          return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
      }
      _prepareRequest(method, requestUrl, headers) {
        const info2 = {};
        info2.parsedUrl = requestUrl;
        const usingSsl = info2.parsedUrl.protocol === "https:";
        info2.httpModule = usingSsl ? https : http;
        const defaultPort = usingSsl ? 443 : 80;
        info2.options = {};
        info2.options.host = info2.parsedUrl.hostname;
        info2.options.port = info2.parsedUrl.port ? parseInt(info2.parsedUrl.port) : defaultPort;
        info2.options.path = (info2.parsedUrl.pathname || "") + (info2.parsedUrl.search || "");
        info2.options.method = method;
        info2.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
          info2.options.headers["user-agent"] = this.userAgent;
        }
        info2.options.agent = this._getAgent(info2.parsedUrl);
        if (this.handlers) {
          for (const handler of this.handlers) {
            handler.prepareRequest(info2.options);
          }
        }
        return info2;
      }
      _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
          return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
      }
      /**
       * Gets an existing header value or returns a default.
       * Handles converting number header values to strings since HTTP headers must be strings.
       * Note: This returns string | string[] since some headers can have multiple values.
       * For headers that must always be a single string (like Content-Type), use the
       * specialized _getExistingOrDefaultContentTypeHeader method instead.
       */
      _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
          const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
          if (headerValue) {
            clientHeader = typeof headerValue === "number" ? headerValue.toString() : headerValue;
          }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== void 0) {
          return typeof additionalValue === "number" ? additionalValue.toString() : additionalValue;
        }
        if (clientHeader !== void 0) {
          return clientHeader;
        }
        return _default;
      }
      /**
       * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
       * Always returns a single string (not an array) since Content-Type should be a single value.
       * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
       * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
       * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
       */
      _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
          const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
          if (headerValue) {
            if (typeof headerValue === "number") {
              clientHeader = String(headerValue);
            } else if (Array.isArray(headerValue)) {
              clientHeader = headerValue.join(", ");
            } else {
              clientHeader = headerValue;
            }
          }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        if (additionalValue !== void 0) {
          if (typeof additionalValue === "number") {
            return String(additionalValue);
          } else if (Array.isArray(additionalValue)) {
            return additionalValue.join(", ");
          } else {
            return additionalValue;
          }
        }
        if (clientHeader !== void 0) {
          return clientHeader;
        }
        return _default;
      }
      _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
          agent = this._proxyAgent;
        }
        if (!useProxy) {
          agent = this._agent;
        }
        if (agent) {
          return agent;
        }
        const usingSsl = parsedUrl.protocol === "https:";
        let maxSockets = 100;
        if (this.requestOptions) {
          maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
        }
        if (proxyUrl && proxyUrl.hostname) {
          const agentOptions = {
            maxSockets,
            keepAlive: this._keepAlive,
            proxy: Object.assign(Object.assign({}, (proxyUrl.username || proxyUrl.password) && {
              proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
            }), { host: proxyUrl.hostname, port: proxyUrl.port })
          };
          let tunnelAgent;
          const overHttps = proxyUrl.protocol === "https:";
          if (usingSsl) {
            tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
          } else {
            tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
          }
          agent = tunnelAgent(agentOptions);
          this._proxyAgent = agent;
        }
        if (!agent) {
          const options = { keepAlive: this._keepAlive, maxSockets };
          agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
          this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
          agent.options = Object.assign(agent.options || {}, {
            rejectUnauthorized: false
          });
        }
        return agent;
      }
      _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
          proxyAgent = this._proxyAgentDispatcher;
        }
        if (proxyAgent) {
          return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === "https:";
        proxyAgent = new undici_1.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, (proxyUrl.username || proxyUrl.password) && {
          token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString("base64")}`
        }));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
          proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
            rejectUnauthorized: false
          });
        }
        return proxyAgent;
      }
      _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || "actions/http-client";
        const orchId = process.env["ACTIONS_ORCHESTRATION_ID"];
        if (orchId) {
          const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, "_");
          return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
      }
      _performExponentialBackoff(retryNumber) {
        return __awaiter2(this, void 0, void 0, function* () {
          retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
          const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
          return new Promise((resolve) => setTimeout(() => resolve(), ms));
        });
      }
      _processResponse(res, options) {
        return __awaiter2(this, void 0, void 0, function* () {
          return new Promise((resolve, reject) => __awaiter2(this, void 0, void 0, function* () {
            const statusCode = res.message.statusCode || 0;
            const response = {
              statusCode,
              result: null,
              headers: {}
            };
            if (statusCode === HttpCodes.NotFound) {
              resolve(response);
            }
            function dateTimeDeserializer(key, value) {
              if (typeof value === "string") {
                const a = new Date(value);
                if (!isNaN(a.valueOf())) {
                  return a;
                }
              }
              return value;
            }
            let obj;
            let contents;
            try {
              contents = yield res.readBody();
              if (contents && contents.length > 0) {
                if (options && options.deserializeDates) {
                  obj = JSON.parse(contents, dateTimeDeserializer);
                } else {
                  obj = JSON.parse(contents);
                }
                response.result = obj;
              }
              response.headers = res.message.headers;
            } catch (err) {
            }
            if (statusCode > 299) {
              let msg;
              if (obj && obj.message) {
                msg = obj.message;
              } else if (contents && contents.length > 0) {
                msg = contents;
              } else {
                msg = `Failed request: (${statusCode})`;
              }
              const err = new HttpClientError(msg, statusCode);
              err.result = response.result;
              reject(err);
            } else {
              resolve(response);
            }
          }));
        });
      }
    };
    exports.HttpClient = HttpClient2;
    var lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => (c[k.toLowerCase()] = obj[k], c), {});
  }
});

// node_modules/@actions/github/lib/context.js
import { readFileSync, existsSync } from "fs";
import { EOL } from "os";
var Context = class {
  /**
   * Hydrate the context from the environment
   */
  constructor() {
    var _a, _b, _c;
    this.payload = {};
    if (process.env.GITHUB_EVENT_PATH) {
      if (existsSync(process.env.GITHUB_EVENT_PATH)) {
        this.payload = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, { encoding: "utf8" }));
      } else {
        const path = process.env.GITHUB_EVENT_PATH;
        process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist${EOL}`);
      }
    }
    this.eventName = process.env.GITHUB_EVENT_NAME;
    this.sha = process.env.GITHUB_SHA;
    this.ref = process.env.GITHUB_REF;
    this.workflow = process.env.GITHUB_WORKFLOW;
    this.action = process.env.GITHUB_ACTION;
    this.actor = process.env.GITHUB_ACTOR;
    this.job = process.env.GITHUB_JOB;
    this.runAttempt = parseInt(process.env.GITHUB_RUN_ATTEMPT, 10);
    this.runNumber = parseInt(process.env.GITHUB_RUN_NUMBER, 10);
    this.runId = parseInt(process.env.GITHUB_RUN_ID, 10);
    this.apiUrl = (_a = process.env.GITHUB_API_URL) !== null && _a !== void 0 ? _a : `https://api.github.com`;
    this.serverUrl = (_b = process.env.GITHUB_SERVER_URL) !== null && _b !== void 0 ? _b : `https://github.com`;
    this.graphqlUrl = (_c = process.env.GITHUB_GRAPHQL_URL) !== null && _c !== void 0 ? _c : `https://api.github.com/graphql`;
  }
  get issue() {
    const payload = this.payload;
    return Object.assign(Object.assign({}, this.repo), { number: (payload.issue || payload.pull_request || payload).number });
  }
  get repo() {
    if (process.env.GITHUB_REPOSITORY) {
      const [owner, repo] = process.env.GITHUB_REPOSITORY.split("/");
      return { owner, repo };
    }
    if (this.payload.repository) {
      return {
        owner: this.payload.repository.owner.login,
        repo: this.payload.repository.name
      };
    }
    throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
  }
};

// node_modules/@actions/github/lib/internal/utils.js
var httpClient = __toESM(require_lib(), 1);
var import_undici = __toESM(require_undici(), 1);
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function getAuthString(token, options) {
  if (!token && !options.auth) {
    throw new Error("Parameter token or opts.auth is required");
  } else if (token && options.auth) {
    throw new Error("Parameters token and opts.auth may not both be specified");
  }
  return typeof options.auth === "string" ? options.auth : `token ${token}`;
}
function getProxyAgent(destinationUrl) {
  const hc = new httpClient.HttpClient();
  return hc.getAgent(destinationUrl);
}
function getProxyAgentDispatcher(destinationUrl) {
  const hc = new httpClient.HttpClient();
  return hc.getAgentDispatcher(destinationUrl);
}
function getProxyFetch(destinationUrl) {
  const httpDispatcher = getProxyAgentDispatcher(destinationUrl);
  const proxyFetch = (url, opts) => __awaiter(this, void 0, void 0, function* () {
    return (0, import_undici.fetch)(url, Object.assign(Object.assign({}, opts), { dispatcher: httpDispatcher }));
  });
  return proxyFetch;
}
function getApiBaseUrl() {
  return process.env["GITHUB_API_URL"] || "https://api.github.com";
}
function getUserAgentWithOrchestrationId(baseUserAgent) {
  var _a;
  const orchId = (_a = process.env["ACTIONS_ORCHESTRATION_ID"]) === null || _a === void 0 ? void 0 : _a.trim();
  if (orchId) {
    const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, "_");
    const tag = `actions_orchestration_id/${sanitizedId}`;
    if (baseUserAgent === null || baseUserAgent === void 0 ? void 0 : baseUserAgent.includes(tag))
      return baseUserAgent;
    const ua = baseUserAgent ? `${baseUserAgent} ` : "";
    return `${ua}${tag}`;
  }
  return baseUserAgent;
}

// node_modules/@actions/github/lib/utils.js
var context = new Context();
var baseUrl = getApiBaseUrl();
var defaults = {
  baseUrl,
  request: {
    agent: getProxyAgent(baseUrl),
    fetch: getProxyFetch(baseUrl)
  }
};
var GitHub = Octokit.plugin(restEndpointMethods, paginateRest).defaults(defaults);
function getOctokitOptions(token, options) {
  const opts = Object.assign({}, options || {});
  const auth = getAuthString(token, opts);
  if (auth) {
    opts.auth = auth;
  }
  const userAgent = getUserAgentWithOrchestrationId(opts.userAgent);
  if (userAgent) {
    opts.userAgent = userAgent;
  }
  return opts;
}

// node_modules/@actions/github/lib/github.js
var context2 = new Context();
function getOctokit(token, options, ...additionalPlugins) {
  const GitHubWithPlugins = GitHub.plugin(...additionalPlugins);
  return new GitHubWithPlugins(getOctokitOptions(token, options));
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }
    while (++columnIndex2 < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/action/summary.ts
var CHECKLIST = [
  { label: "Front matter complete and well formed", rules: ["frontmatter", "filename"] },
  { label: "Every section present and filled in", rules: ["required-sections", "no-placeholders"] },
  {
    label: "Timestamps and timeline consistent, with zones",
    rules: ["timestamps-ordered", "timeline-timezone", "timeline-order"],
    section: "timeline"
  },
  { label: "Impact quantified", rules: ["impact-quantified"], section: "impact" },
  {
    label: "Root cause deep and systemic",
    rules: ["root-cause-depth", "no-human-error-root-cause"],
    section: "root-cause"
  },
  { label: "Blameless language", rules: ["blameless-language"] },
  {
    label: "Action items owned, dated, specific and tracked",
    rules: [
      "action-item-fields",
      "action-item-specific",
      "action-item-tracked",
      "action-item-overdue"
    ],
    section: "action-items"
  },
  { label: "Lessons learned", rules: ["lessons-learned"], section: "lessons-learned" },
  { label: "Review on time and approved", rules: ["review-due", "review-approved"] }
];
var SUMMARY_LIMIT = 1024 * 1024;
var COMMENT_LIMIT = 65536;
function renderSummary(results, limit, header = "## Hindsight: postmortem check") {
  const errors = count(results, "error");
  const warnings = count(results, "warn");
  const head = `${header}

${results.length} postmortem${results.length === 1 ? "" : "s"} checked: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.
`;
  const parts = [head];
  let size = head.length;
  let omitted = 0;
  for (const result of results) {
    const part = renderFile(result);
    if (size + part.length + 200 > limit) {
      omitted++;
      continue;
    }
    parts.push(part);
    size += part.length;
  }
  if (omitted > 0)
    parts.push(
      `
_${omitted} more file${omitted === 1 ? "" : "s"} left out to stay under GitHub's size limit; run \`hindsight lint\` to see all._
`
    );
  return parts.join("\n");
}
function renderFile(result) {
  const { timeToDetect, timeToMitigate, timeToResolve } = result.metrics;
  const failing = new Set(result.findings.map((finding) => finding.rule));
  const sectionFails = (key) => key !== void 0 && result.findings.some(
    (finding) => finding.rule === "required-sections" && isAbout(finding, key)
  );
  const isAbout = (finding, key) => {
    if (finding.suggestion?.replace(/^#+ /, "") === SECTION_NAMES[key]) return true;
    const section = result.postmortem.sections.find((candidate) => candidate.key === key);
    return section !== void 0 && section.empty && finding.line === section.position.line;
  };
  const lines = [
    `### \`${escapeCell(result.file)}\` \u2014 ${result.status ?? "no status"}`,
    "",
    `Time to detect **${formatMinutes(timeToDetect)}** \xB7 to mitigate **${formatMinutes(timeToMitigate)}** \xB7 to resolve **${formatMinutes(timeToResolve)}**`,
    "",
    ...CHECKLIST.map(
      ({ label, rules, section }) => `- [${rules.some((rule) => failing.has(rule)) || sectionFails(section) ? " " : "x"}] ${label}`
    ),
    ""
  ];
  if (result.findings.length > 0) {
    lines.push(
      markdownTable(
        [
          ["Line", "Level", "Rule", "Finding"],
          ...result.findings.map((finding) => [
            String(finding.line),
            finding.level === "error" ? "error" : "warning",
            `\`${finding.rule}\``,
            escapeCell(
              finding.suggestion ? `${finding.message} Suggestion: ${finding.suggestion}` : finding.message
            )
          ])
        ],
        { alignDelimiters: false }
      ),
      ""
    );
  }
  return lines.join("\n");
}
function count(results, level) {
  return results.reduce(
    (sum, result) => sum + result.findings.filter((finding) => finding.level === level).length,
    0
  );
}
function escapeCell(text) {
  return defuseMentions(
    oneLine(text).replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  );
}

// src/action/run.ts
var CONFIG_FILE = ".github/postmortem.yml";
var COMMENT_MARKER = VALIDATION_MARKER;
var TEMPLATE_DIR = ".github/postmortem/templates";
async function runAction(run) {
  const { inputs, gateway, reporter } = run;
  const target = targetOf(run.event);
  if (!target) {
    reporter.info(
      `Nothing to validate on a "${run.event.name}" event; Hindsight checks pull_request and push.`
    );
    return finish(run, [], 0);
  }
  const changed = target.pull !== null ? await gateway.listPullFiles(target.pull) : await gateway.listPushFiles(target.baseRef, target.head);
  const loaded = loadConfig(
    await gateway.readFile(inputs.configPath, target.configRef),
    inputs.configPath
  );
  if (loaded.errors.length > 0) {
    for (const error2 of loaded.errors) {
      reporter.annotate({
        file: error2.file,
        line: error2.line,
        column: error2.column,
        endLine: error2.line,
        rule: "config",
        level: "error",
        message: formatConfigError(error2)
      });
    }
    reporter.fail(
      `${inputs.configPath} is not valid; fix it first:
${loaded.errors.map(formatConfigError).join("\n")}`
    );
    return { errors: loaded.errors.length, warnings: 0, files: 0 };
  }
  const directory = `${loaded.config.directory.replace(/\/+$/, "")}/`;
  const paths = changed.filter(
    (file) => file.status !== "removed" && file.path.startsWith(directory) && file.path.endsWith(".md")
  ).map((file) => file.path);
  if (paths.length === 0) {
    reporter.info(`No postmortems under ${directory} changed.`);
    return finish(run, [], 0);
  }
  const texts = await mapLimit(paths, 8, (path) => gateway.readFile(path, target.head));
  const templates = await withRepositoryTemplates(run, loaded, texts, target.configRef);
  const results = [];
  for (const [n, path] of paths.entries()) {
    const text = texts[n];
    if (text === null || text === void 0) continue;
    const result = lintPostmortem({
      path,
      text,
      config: loaded.config,
      ruleOptions: loaded.ruleOptions,
      templates,
      now: run.now
    });
    if (target.pull !== null && result.status === "published" && !isOff(loaded.config)) {
      result.findings.push(...await approvalFindings(run, target, result, loaded.config));
    }
    results.push(result);
  }
  return finish(run, results, paths.length, target);
}
async function finish(run, results, files, target) {
  const { reporter, inputs } = run;
  const findings = results.flatMap((result) => result.findings);
  const errors = findings.filter((finding) => finding.level === "error").length;
  const warnings = findings.length - errors;
  for (const finding of findings) reporter.annotate(finding);
  for (const result of results) reporter.info(fileLine(result));
  reporter.info(
    `Checked ${files} postmortem${files === 1 ? "" : "s"}: ${plural(errors, "error")}, ${plural(warnings, "warning")}.`
  );
  if (results.length > 0) await reporter.summary(renderSummary(results, SUMMARY_LIMIT));
  reporter.output("errors", errors);
  reporter.output("warnings", warnings);
  reporter.output("files", files);
  if (target && inputs.comment && target.pull !== null) await stickyComment(run, target, results);
  if (errors > 0)
    reporter.fail(
      `${errors} error${errors === 1 ? "" : "s"} in ${results.filter((r) => r.findings.some((f) => f.level === "error")).length} postmortem(s); see the annotations and the job summary.`
    );
  else if (inputs.maxWarnings !== null && warnings > inputs.maxWarnings)
    reporter.fail(`${warnings} warnings, more than max-warnings ${inputs.maxWarnings}.`);
  return { errors, warnings, files };
}
function fileLine(result) {
  const errors = result.findings.filter((finding) => finding.level === "error").length;
  const warnings = result.findings.length - errors;
  const status = result.status ?? "no status";
  if (result.findings.length === 0) return `\u2713 ${result.file} (${status}): clean`;
  return `${errors > 0 ? "\u2717" : "!"} ${result.file} (${status}): ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function targetOf(event) {
  const { name, payload } = event;
  if ((name === "pull_request" || name === "pull_request_target") && payload.pull_request) {
    const pr = payload.pull_request;
    return {
      pull: pr.number,
      head: pr.head.sha,
      configRef: pr.base.sha,
      baseRef: pr.base.sha,
      fork: !pr.head.repo || pr.head.repo.full_name !== pr.base.repo.full_name
    };
  }
  if (name === "push" && payload.after && !payload.deleted) {
    const before = typeof payload.before === "string" && !/^0+$/.test(payload.before) ? payload.before : null;
    return {
      pull: null,
      head: payload.after,
      configRef: payload.after,
      baseRef: before,
      fork: false
    };
  }
  return null;
}
async function withRepositoryTemplates(run, loaded, texts, ref) {
  const wanted = /* @__PURE__ */ new Set([loaded.config.template]);
  for (const text of texts) {
    const match = text ? /^template:\s*["']?([\w-]+)/m.exec(text.slice(0, 4096)) : null;
    if (match) wanted.add(match[1]);
  }
  if ([...wanted].every((name) => run.builtinTemplates.has(name))) return run.builtinTemplates;
  const templates = new Map(run.builtinTemplates);
  for (const { path } of await run.gateway.listMarkdown(TEMPLATE_DIR, ref)) {
    const name = path.slice(path.lastIndexOf("/") + 1, -3);
    if (!wanted.has(name)) continue;
    const text = await run.gateway.readFile(path, ref);
    if (text !== null) templates.set(name, parseTemplate(name, text));
  }
  for (const name of wanted)
    if (!templates.has(name))
      run.reporter.warning(
        `Template "${name}" is neither built in nor in ${TEMPLATE_DIR}/ on ${ref.slice(0, 12)}; files naming it are checked against "${loaded.config.template}".`
      );
  return templates;
}
async function approvalFindings(run, target, result, config) {
  const before = target.baseRef ? await run.gateway.readFile(result.file, target.baseRef) : null;
  if (before !== null && parsePostmortem(result.file, before).frontMatter.data.status === "published")
    return [];
  const reviews = await run.gateway.listReviews(target.pull);
  const teamMembers = /* @__PURE__ */ new Map();
  const reviewers = result.postmortem.frontMatter.data.reviewers;
  for (const reviewer of Array.isArray(reviewers) ? reviewers : []) {
    const handle = String(reviewer).replace(/^@/, "");
    const [org, team] = handle.split("/");
    if (org && team && !teamMembers.has(handle.toLowerCase()))
      teamMembers.set(handle.toLowerCase(), await run.gateway.listTeamMembers(org, team));
  }
  return missingApprovals({ postmortem: result.postmortem, reviews, teamMembers }).map(
    (missing) => ({
      file: result.file,
      line: missing.position.line,
      column: missing.position.column,
      endLine: missing.position.line,
      rule: "review-approved",
      level: reviewLevel(config),
      message: `Publishing needs approval from ${missing.reviewer}: ${missing.reason}.`,
      suggestion: `Ask ${missing.reviewer} to approve this pull request.`
    })
  );
}
function isOff(config) {
  const setting = config.rules["review-approved"];
  return (Array.isArray(setting) ? setting[0] : setting) === "off";
}
function reviewLevel(config) {
  const setting = config.rules["review-approved"];
  const level = Array.isArray(setting) ? setting[0] : setting;
  return level === "warn" ? "warn" : "error";
}
async function stickyComment(run, target, results) {
  if (target.fork) {
    run.reporter.info(
      "Pull request from a fork: its token cannot comment, so the result is in the job summary only."
    );
    return;
  }
  const body = `${COMMENT_MARKER}
${renderSummary(results, COMMENT_LIMIT - COMMENT_MARKER.length - 1)}`;
  try {
    const self = await run.gateway.whoAmI();
    const existing = await run.gateway.findComment(
      target.pull,
      (comment) => writtenBy(comment.author, self) && startsWithMarker(comment.body, COMMENT_MARKER)
    );
    if (!existing) await run.gateway.createComment(target.pull, body);
    else if (existing.body !== body) await run.gateway.updateComment(existing.id, body);
  } catch (error2) {
    const status = error2.status;
    if (status === 403 || status === 404)
      run.reporter.warning(
        `Could not comment on the pull request (HTTP ${status}); give the workflow \`pull-requests: write\`, or set comment: false.`
      );
    else throw error2;
  }
}
async function mapLimit(items, limit, work) {
  const out = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index]);
    }
  });
  await Promise.all(workers);
  return out;
}

// src/flows/update-index.ts
var INDEX_BRANCH = "hindsight/index";
var CONFIG = ".github/postmortem.yml";
async function updateIndex(input) {
  const { gateway, log } = input;
  const defaultBranch = await gateway.getDefaultBranch();
  const loaded = loadConfig(
    await gateway.readFile(CONFIG, defaultBranch),
    CONFIG,
    input.knownTemplates
  );
  if (loaded.errors.length > 0)
    throw new Error(`${CONFIG} is not valid:
${loaded.errors.map(formatConfigError).join("\n")}`);
  const config = loaded.config;
  const file = defaultIndexFile(config);
  const listed = await gateway.listMarkdown(config.directory.replace(/\/+$/, ""), defaultBranch);
  const paths = listed.map((entry) => entry.path).filter((path) => isIndexed(path, file));
  const texts = await readAll(gateway, paths, defaultBranch);
  const files = paths.flatMap(
    (path, n) => texts[n] === null ? [] : [{ path, text: texts[n] }]
  );
  const generate = (existing) => generateIndex({ files, config, today: input.today, indexFile: file, existing }).text;
  const result = (outcome, pull = null) => ({
    file,
    postmortems: files.length,
    outcome,
    pull
  });
  const current = await gateway.getFile(file, defaultBranch);
  const wanted = generate(current?.text ?? null);
  const pr = config.actionItems.writeBack === "pull-request";
  let open = pr ? await gateway.findOpenPull(INDEX_BRANCH) : null;
  if (wanted === current?.text && !open) {
    log.info(`${file} is up to date (${files.length} postmortems).`);
    return result("unchanged");
  }
  const message = `Update the postmortem index (${files.length} postmortems)`;
  if (!pr) {
    const wrote2 = await writeConverging(gateway, {
      path: file,
      branch: defaultBranch,
      message,
      generate,
      first: current,
      log
    });
    log.info(`${file}: ${wrote2 ? "committed" : "already current"} (${files.length} postmortems).`);
    return result(wrote2 ? "committed" : "unchanged");
  }
  if (!open) {
    const base = await gateway.branchSha(defaultBranch);
    if (!base) throw new Error(`The default branch ${defaultBranch} has no commits.`);
    if (await gateway.createBranch(INDEX_BRANCH, base) === "exists")
      await gateway.moveBranch(INDEX_BRANCH, base);
  }
  const onBranch = open ? await gateway.getFile(file, INDEX_BRANCH) : current;
  const wrote = await writeConverging(gateway, {
    path: file,
    branch: INDEX_BRANCH,
    message,
    generate,
    first: onBranch,
    log
  });
  if (!open)
    open = await gateway.openPullRequest({
      title: "Update the postmortem index",
      head: INDEX_BRANCH,
      base: defaultBranch,
      body: `The index and insights of ${files.length} postmortems in \`${file}\`, regenerated by Hindsight. This PR is updated in place.`,
      draft: false
    });
  log.info(
    `${file}: ${wrote ? "updated" : "already current"} on ${INDEX_BRANCH}, PR #${open.number}.`
  );
  return result("pull-request", open.number);
}
async function writeConverging(gateway, input) {
  let file = input.first;
  for (let attempt = 1; ; attempt++) {
    const text = input.generate(file?.text ?? null);
    if (text === file?.text) return false;
    try {
      await gateway.putFile({
        path: input.path,
        branch: input.branch,
        text,
        message: input.message,
        ...file ? { sha: file.sha } : {}
      });
      return true;
    } catch (error2) {
      const status = httpStatus(error2);
      if (status !== 409 && status !== 422 || attempt >= 5) throw error2;
      input.log.info(
        `${input.path} changed while writing the index (HTTP ${status}); re-reading it.`
      );
      file = await gateway.getFile(input.path, input.branch);
    }
  }
}
async function readAll(gateway, paths, ref) {
  const out = new Array(paths.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const n = next++;
      out[n] = await gateway.readFile(paths[n], ref);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, paths.length) }, worker));
  return out;
}

// src/action/main.ts
function octokitFor(token) {
  return getOctokit(
    token,
    rateLimitOptions({
      baseUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
      log: { warn: (m) => warning(m) }
    }),
    ...rateLimitPlugins
  );
}
async function runSync() {
  try {
    const token = getInput("token", { required: true });
    const octokit = octokitFor(token);
    const gateway = createGateway(octokit, context2.repo);
    const templates = await loadTemplates();
    const result = await syncRepository({
      gateway,
      gatewayFor: (fullName) => createGateway(octokit, {
        owner: fullName.split("/")[0],
        repo: fullName.split("/")[1]
      }),
      repo: `${context2.repo.owner}/${context2.repo.repo}`,
      repoUrl: `${context2.serverUrl}/${context2.repo.owner}/${context2.repo.repo}`,
      knownTemplates: [...templates.keys()],
      today: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
      log: { info: (m) => info(m), warn: (m) => warning(m), error: (m) => error(m) },
      dryRun: /^true$/i.test(getInput("dry-run"))
    });
    for (const line of result.plan) info(`would ${line}`);
    for (const line of result.skipped) notice(line);
    info(
      `Action items: ${result.created} issues created, ${result.updated} updated, ${result.reminded} reminders, ${result.written.length} reports written back; ${result.reviewsReminded} review reminders.`
    );
    setOutput("created", result.created);
    setOutput("written", result.written.length);
  } catch (error2) {
    setFailed(error2 instanceof Error ? error2.message : String(error2));
  }
}
async function runIndex() {
  try {
    const { payload, eventName } = context2;
    const defaultBranch = payload.repository?.default_branch;
    if (eventName === "push" && defaultBranch && payload.ref !== `refs/heads/${defaultBranch}`) {
      info(
        `The index is kept on ${defaultBranch}; nothing to do for a push to ${payload.ref}.`
      );
      return;
    }
    const token = getInput("token", { required: true });
    const gateway = createGateway(
      getOctokit(token),
      context2.repo
    );
    const templates = await loadTemplates();
    const result = await updateIndex({
      gateway,
      knownTemplates: [...templates.keys()],
      today: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
      log: { info: (m) => info(m), warn: (m) => warning(m), error: (m) => error(m) }
    });
    setOutput("index", result.outcome);
    setOutput("files", result.postmortems);
    if (result.pull !== null) setOutput("pull-request", result.pull);
  } catch (error2) {
    setFailed(error2 instanceof Error ? error2.message : String(error2));
  }
}
async function main() {
  const command = getInput("command") || "validate";
  if (command === "app") {
    const { runAppInAction } = await import("./chunks/action-adapter-QH3TFPGS.js");
    return runAppInAction();
  }
  if (command === "sync") return runSync();
  if (command === "index") return runIndex();
  if (command !== "validate") {
    setFailed(`Input command must be "validate", "sync", "index" or "app", not "${command}".`);
    return;
  }
  try {
    const token = getInput("token", { required: true });
    const maxWarnings = getInput("max-warnings");
    if (maxWarnings !== "" && !/^\d+$/.test(maxWarnings))
      throw new Error(`Input max-warnings must be a whole number, not "${maxWarnings}".`);
    const reporter = {
      info: (message) => info(message),
      warning: (message) => warning(message),
      annotate: (finding) => {
        const properties = {
          title: finding.rule,
          file: finding.file,
          startLine: finding.line,
          endLine: finding.endLine,
          ...finding.line === finding.endLine ? {
            startColumn: finding.column,
            ...finding.endColumn ? { endColumn: finding.endColumn } : {}
          } : {}
        };
        const message = finding.suggestion ? `${finding.message}
Suggestion: ${finding.suggestion}` : finding.message;
        if (finding.level === "error") error(message, properties);
        else warning(message, properties);
      },
      summary: async (markdown) => {
        if (!process.env.GITHUB_STEP_SUMMARY) return info(markdown);
        await summary.addRaw(markdown, true).write();
      },
      output: (name, value) => setOutput(name, value),
      fail: (message) => setFailed(message)
    };
    await runAction({
      inputs: {
        configPath: getInput("config") || CONFIG_FILE,
        comment: getBooleanInput("comment"),
        maxWarnings: maxWarnings === "" ? null : Number(maxWarnings)
      },
      event: { name: context2.eventName, payload: context2.payload },
      gateway: createGateway(octokitFor(token), context2.repo),
      builtinTemplates: await loadTemplates(),
      now: /* @__PURE__ */ new Date(),
      reporter
    });
  } catch (error2) {
    setFailed(error2 instanceof Error ? error2.message : String(error2));
  }
}

// src/action/index.ts
await main();
